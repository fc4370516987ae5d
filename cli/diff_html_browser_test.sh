#!/usr/bin/env bash
# `hubperm diff --format html` in headless Chromium (Debian's chromium, installed by tools/setup.sh): the
# page loads with no console message (its Content-Security-Policy forbids every network fetch, so a
# reference to anything outside the page would show here), its script runs, the facts and every token
# with a change are shown, and the view in the URL (#show=lost&filter=ci) hides what it should: only
# the token named ci is shown, and only its lost access.
#
# Usage: diff_html_browser_test.sh CHROMIUM_TESTING HUBPERM BEFORE AFTER
set -uo pipefail
helper=$1 hubperm=$2 before=$3 after=$4
tmp=${TEST_TMPDIR:-$(mktemp -d)}
export HOME=$tmp
source "$helper"

page="$tmp/diff.html"
"$hubperm" diff "$before" --to "$after" --at 2026-06-01 --format html >"$page"
rc=$?
[ "$rc" -eq 1 ] || fail "hubperm diff exited $rc, not 1 (something changed)"

# The whole page, nothing filtered.
load "$page" "" || fail "chromium failed"
grep -q ':CONSOLE' "$page.log" && { fail "the page logged to the console:"; grep ':CONSOLE' "$page.log"; }
grep -q 'data-ready="1"' "$page.dom" || fail "the page's script did not run to its end"
grep -q 'data-kind="policy"' "$page.dom" || fail "the approval fact is not shown"
grep -q 'approval in org acme: approved -&gt; revoked' "$page.dom" || fail "the revocation is not shown"
for token in ci bob-rw intern-read alice-old; do
  grep -q "class=\"token\" data-token=\"$token\"" "$page.dom" || fail "token $token is not shown"
done
grep -q 'style="display: none;"' "$page.dom" && fail "something is hidden though no view was asked"

# The view #show=lost&filter=ci: ci's lost rows only.
load "$page" "#show=lost&filter=ci" || fail "chromium failed"
grep -q 'data-ready="1"' "$page.dom" || fail "the page's script did not run to its end (view)"
grep -q 'class="token" data-token="ci"><h3>' "$page.dom" || fail "token ci is hidden in its own view"
grep -q 'class="token" data-token="bob-rw" style="display: none;"' "$page.dom" || fail "bob-rw is not hidden by filter=ci"
grep -Eq '(class="on" data-show="lost"|data-show="lost" class="on")' "$page.dom" || fail "the lost button is not on"
grep -q 'class="entry gained" style="display: none;"' "$page.dom" || fail "gained rows are shown in the lost view"

if [ "$failures" -gt 0 ]; then
  echo "$failures failed"
  exit 1
fi
echo "all checks passed"
