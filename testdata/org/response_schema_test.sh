#!/usr/bin/env bash
# Runs response_schema_test.py with Debian's Python, which has python3-jsonschema (tools/setup.sh).
set -euo pipefail
if ! /usr/bin/python3 -c 'import jsonschema' 2>/dev/null; then
  echo "python3-jsonschema is not installed: run tools/setup.sh" >&2
  exit 1
fi
exec /usr/bin/python3 "$@"
