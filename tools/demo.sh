#!/usr/bin/env bash
# The README's main command: installs what is missing, builds hubperm, and explains the decision for the
# documented scenario (testdata/founding/world.yaml): alice's fine-grained token limited-test-token,
# POST /api/repos/create in org acme.
set -euo pipefail
cd "$(dirname "$0")/.."

bash tools/setup.sh
trap 'bazel shutdown >/dev/null 2>&1' EXIT

bazel build --config=opt --color=no --curses=no --noshow_progress //cli:hubperm 2>/dev/null ||
  bazel build --config=opt --color=no --curses=no //cli:hubperm   # on failure, again with the errors shown

set +e
bazel-bin/cli/hubperm explain testdata/founding/world.yaml \
  --token limited-test-token \
  --http 'POST /api/repos/create' \
  --body '{"type": "model", "name": "whatever_you_want", "organization": "acme"}'
rc=$?
set -e
# hubperm exits 1 for a denial, which is the documented outcome here; anything else is an error.
[ "$rc" -eq 0 ] || [ "$rc" -eq 1 ]
