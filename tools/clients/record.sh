#!/usr/bin/env bash
# Records what the two official Hub clients send, into testdata/clients/ (see its README.md).
#
#   bash tools/clients/record.sh HUGGINGFACE_HUB_CHECKOUT
#
# HUGGINGFACE_HUB_CHECKOUT is a checkout of github.com/huggingface/huggingface_hub (its src/ is put
# on PYTHONPATH; its dependencies are Debian's python3-* packages, installed here if missing). The
# JavaScript client is @huggingface/hub at the version tools/clients/package.json pins, installed with
# npm. Each client runs against tools/clients/recorder.py on 127.0.0.1; nothing reaches the Hub.
# The recordings are committed: CI replays them (//testdata/clients:replay_test) and never records.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
checkout=${1:?usage: record.sh HUGGINGFACE_HUB_CHECKOUT}
checkout=$(cd "$checkout" && pwd)
out="$root/testdata/clients"
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT

PY_PACKAGES=(python3-httpx python3-filelock python3-fsspec python3-yaml python3-tqdm python3-packaging
             python3-typing-extensions python3-click)
missing=()
for p in "${PY_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "record: installing ${missing[*]}" >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
(cd "$here" && npm install --no-audit --no-fund --silent)

# record NAME OUTPUT VERSION SOURCE -- COMMAND...: runs COMMAND with $PORT set to a fresh recorder's.
record() {
  local name=$1 file=$2 version=$3 source=$4
  shift 5
  rm -f "$work/port"
  python3 "$here/recorder.py" --out "$file" --client "$name" --version "$version" --source "$source" \
    --port-file "$work/port" &
  local pid=$!
  for _ in $(seq 50); do [ -s "$work/port" ] && break; sleep 0.1; done
  PORT=$(cat "$work/port") "$@"
  kill "$pid"
  wait "$pid" 2>/dev/null || true
}

py_version=$(PYTHONPATH="$checkout/src" /usr/bin/python3 -c 'import huggingface_hub; print(huggingface_hub.__version__)')
py_commit=$(git -C "$checkout" rev-parse HEAD 2>/dev/null || echo unknown)
run_python() {
  HF_HOME="$work/hf_home" HF_ENDPOINT="http://127.0.0.1:$PORT" PYTHONPATH="$checkout/src" \
    timeout 900 /usr/bin/python3 "$here/drive_python.py" >/dev/null 2>"$work/python.log" ||
    { cat "$work/python.log" >&2; exit 1; }
}
record huggingface_hub "$out/huggingface_hub.jsonl" "$py_version" \
  "github.com/huggingface/huggingface_hub@$py_commit" -- run_python

js_version=$(node -p 'require("'"$here"'/node_modules/@huggingface/hub/package.json").version')
run_js() {
  (cd "$here" && timeout 600 node drive_js.mjs "http://127.0.0.1:$PORT" >/dev/null 2>"$work/js.log") ||
    { cat "$work/js.log" >&2; exit 1; }
}
record @huggingface/hub "$out/huggingface_js_hub.jsonl" "$js_version" "npm:@huggingface/hub@$js_version" -- run_js

echo "record: $(grep -c '"method"' "$out/huggingface_hub.jsonl") requests of huggingface_hub $py_version," \
  "$(grep -c '"method"' "$out/huggingface_js_hub.jsonl") of @huggingface/hub $js_version, in testdata/clients/"
