#!/usr/bin/env bash
# Runs the hostile-input suite (hostile_input_test.py) with Debian's python3, installed by tools/setup.sh.
# Usage: hostile_input_test.sh SUITE.py HUBPERM FOUNDING_WORLD
set -euo pipefail
exec python3 "$@"
