#!/usr/bin/env bash
# examples/embed.cc runs: it loads the founding world through policy/hubperm.h and prints the founding
# decision (denied, 403, the user side allowing, the token side denying), its fix, and the same answer
# from four threads.
set -euo pipefail
out=$("$1" "$2")
expect() {
  if ! grep -qF -- "$1" <<<"$out"; then
    echo "embed's output lacks: $1"; echo "--- output:"; echo "$out"; exit 1
  fi
}
expect "allowed: no, the Hub would answer 403"
expect "user side allows, token side denies"
expect "route POST /api/repos/create, decided as create_repo"
expect "fix: add repo.write scoped to org acme to token limited-test-token"
expect "as create_repo, from 4 threads: 403 403 403 403"
echo "embed: ok"
