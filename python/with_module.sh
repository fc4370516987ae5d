#!/usr/bin/env bash
# Runs the interpreter the Python module was built for (@system_python//:interpreter) with the package
# //python:hubperm importable: for the module's tests (python:pytest_test) and the Python benchmark's
# smoke test (bench:python_bench_smoke_test). Under a test, pytest writes each case as one JUnit
# <testcase> to Bazel's test.xml, which tools/test.sh counts.
#
# Usage: with_module.sh INTERPRETER_FILE PACKAGE_INIT PYTHON_ARGUMENTS...
#
# In the asan build the module links AddressSanitizer, whose runtime must be the first library the
# process loads: the interpreter (not instrumented) gets it through LD_PRELOAD, with the C++ runtime the
# module links right after it (ASan intercepts __cxa_throw, which it must find when it starts, and the
# interpreter does not link libstdc++). Leak detection is off there, as the interpreter keeps its
# objects until exit by design; every other check is on.
set -euo pipefail
trap 'echo "with_module.sh: failed at line $LINENO" >&2' ERR
python=$(head -n1 "$1")
package_dir=$(cd "$(dirname "$2")/.." && pwd)
shift 2

# ldd's whole output is read (awk does not stop at the match), so that ldd never writes to a closed pipe.
libraries=$(ldd "$package_dir/hubperm/_hubperm.so")
asan=$(awk '/libasan\.so/ && !found {print $3; found = 1}' <<<"$libraries")
if [ -n "$asan" ]; then
  export LD_PRELOAD="$asan $(awk '/libstdc\+\+\.so/ && !found {print $3; found = 1}' <<<"$libraries")"
  export ASAN_OPTIONS="detect_leaks=0:halt_on_error=1"
fi

export PYTHONPATH="$package_dir"
export PYTHONDONTWRITEBYTECODE=1
if [ -n "${XML_OUTPUT_FILE:-}" ]; then export PYTEST_ADDOPTS="--junitxml=$XML_OUTPUT_FILE"; fi
exec "$python" "$@"
