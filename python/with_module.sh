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
python=$(head -n1 "$1")
package_dir=$(cd "$(dirname "$2")/.." && pwd)
shift 2

module="$package_dir/hubperm/_hubperm.so"
asan=$(ldd "$module" | awk '/libasan\.so/ {print $3; exit}')
if [ -n "$asan" ]; then
  export LD_PRELOAD="$asan $(ldd "$module" | awk '/libstdc\+\+\.so/ {print $3; exit}')"
  export ASAN_OPTIONS="detect_leaks=0:halt_on_error=1"
fi

export PYTHONPATH="$package_dir"
export PYTHONDONTWRITEBYTECODE=1
[ -n "${XML_OUTPUT_FILE:-}" ] && export PYTEST_ADDOPTS="--junitxml=$XML_OUTPUT_FILE"
exec "$python" "$@"
