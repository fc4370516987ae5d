#!/usr/bin/env bash
# `hubperm audit --format html` in headless Chromium (Debian's chromium, installed by tools/setup.sh):
# the page loads with no console message at all (no error, no blocked request: its Content-Security-
# Policy forbids every network fetch, so a reference to anything outside the page would show here),
# its script runs, the founding scenario's finding is shown, and clicking a matrix cell (through the
# page's #explain=ROW-COL link, which dispatches a click on the cell) shows hubperm's explanation.
#
# Usage: audit_html_browser_test.sh CHROMIUM_TESTING HUBPERM FOUNDING_WORLD AUDIT_WORLD
set -uo pipefail
helper=$1 hubperm=$2 founding=$3 audit_world=$4
tmp=${TEST_TMPDIR:-$(mktemp -d)}
export HOME=$tmp
source "$helper"

check_page() {
  local name=$1 world=$2 cell=$3 expect_explanation=$4
  local page="$tmp/$name.html"
  "$hubperm" audit "$world" --format html >"$page"
  local rc=$?
  [ "$rc" -eq 0 ] || [ "$rc" -eq 1 ] || fail "$name: hubperm audit exited $rc"
  load "$page" "#explain=$cell" || fail "$name: chromium failed"
  if grep -q ':CONSOLE' "$page.log"; then
    fail "$name: the page logged to the console:"
    grep ':CONSOLE' "$page.log"
  fi
  grep -q 'data-ready="1"' "$page.dom" || fail "$name: the page's script did not run to its end"
  grep -q 'class="finding error" data-kind="will-fail"' "$page.dom" || fail "$name: no will-fail finding shown"
  grep -q 'limited-test-token, group token-test-group' "$page.dom" || fail "$name: the founding finding is not shown"
  grep -q 'class="cell l-[a-z]* selected"' "$page.dom" || fail "$name: clicking cell $cell selected nothing"
  local shown
  shown=$(sed -n '/<div id="explanation">/,/<\/div>/p' "$page.dom")
  grep -q "$expect_explanation" <<<"$shown" || { fail "$name: the explanation of cell $cell does not contain '$expect_explanation':"; echo "$shown"; }
  grep -q 'Click a cell of the matrix' <<<"$shown" && fail "$name: the explanation panel was not filled"
  echo "$name: checked"
}

# The founding world: one token, one repo; the cell explains why the token cannot even see the model.
check_page founding "$founding" 0-0 'token side   DENY   token limited-test-token lacks repo.content.read'
# The audit world: row 1 is alice-dead, column 3 is acme/token-test-model, which she writes through the group.
check_page audit "$audit_world" 1-3 'alice-dead on acme/token-test-model: write. Why it may write'

if [ "$failures" -gt 0 ]; then
  echo "$failures failed"
  exit 1
fi
echo "all checks passed"
