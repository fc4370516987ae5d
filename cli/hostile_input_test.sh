#!/usr/bin/env bash
# Runs a Python test suite (hostile_input_test.py, fetch_org_test.py) with python3, installed by tools/setup.sh.
# Usage: hostile_input_test.sh SUITE.py ARGS...
set -euo pipefail
exec python3 "$@"
