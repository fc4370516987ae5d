#!/usr/bin/env bash
# Installs exactly what hubperm's build and tests need and is missing; does nothing when all is present.
#
# The one list of Debian packages the project needs. Bazel comes from Debian's bazel-bootstrap (4.2.3);
# WORKSPACE maps the libraries below to their usual Bazel repository names (see third_party/README.md).
set -euo pipefail

PACKAGES=(
  bazel-bootstrap     # Bazel 4.2.3 (pulls in a JDK)
  g++                 # the default C++ toolchain Bazel detects
  libyaml-cpp-dev     # @com_github_jbeder_yaml_cpp
  libabsl-dev         # @com_google_absl (LTS 20220623)
  libgtest-dev        # @com_google_googletest
  libgmock-dev        # @com_google_googletest (gmock)
  libbenchmark-dev    # @com_github_google_benchmark
  clang-14            # tools/fuzz.sh: libFuzzer builds need clang
  libclang-rt-14-dev  # tools/fuzz.sh: libFuzzer and the sanitizers' runtimes for clang
  chromium            # cli:audit_html_browser_test: the audit's HTML page in headless Chromium
  python3             # cli:hostile_input_test: the hostile-input suite
  python3-dev         # //python: the Python module's headers (@system_python)
  pybind11-dev        # @pybind11: the Python module's bindings
  python3-pytest      # python:pytest_test: the Python module's suite
  python3-jsonschema  # testdata:org_response_schema_test: sample responses against the Hub's schemas
  libcurl4-openssl-dev  # @com_github_curl_curl: hubperm fetch-org's HTTP client
  libmimalloc-dev     # @com_github_microsoft_mimalloc: the allocator hubperm runs on (cli/allocator.h)
  time                # tools/bench.sh: the peak memory of the hubperm a user runs
  jq                  # the README's examples pick fields out of --format json and --batch answers
)

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "setup: installing ${missing[*]}" >&2
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
log=$(mktemp)
# apt's progress is kept in a log and shown only if the install fails.
if ! { $SUDO apt-get update -qq && $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"; } >"$log" 2>&1; then
  cat "$log" >&2
  echo "setup: apt-get failed installing ${missing[*]}" >&2
  rm -f "$log"
  exit 1
fi
rm -f "$log"
echo "setup: installed ${missing[*]}" >&2
