# Sourced by the HTML pages' browser tests (audit_html_browser_test.sh, diff_html_browser_test.sh):
# Debian's chromium (installed by tools/setup.sh), headless, one fresh profile per load.
#
#   source cli/chromium_testing.sh          # needs $tmp; sets $browser, fail(), $failures
#   load "$page" "#hash"                     # the DOM after the scripts ran -> $page.dom, the log -> $page.log

failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then
  echo "FAIL: chromium is not installed (tools/setup.sh installs it)"
  exit 1
fi

# Loads $1#$2 headless; the DOM after the scripts ran goes to $1.dom, Chromium's log to $1.log.
load() {
  local page=$1 hash=$2 profile
  profile=$(mktemp -d "$tmp/profile.XXXXXX")
  timeout 60 "$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
      --disable-background-networking --disable-component-update --disable-sync --user-data-dir="$profile" \
      --enable-logging=stderr --v=0 --dump-dom "file://$page$hash" >"$page.dom" 2>"$page.log"
}
