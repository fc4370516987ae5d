#!/usr/bin/env python3
"""Runs every public method of huggingface_hub's HfApi against the recorder (tools/clients/recorder.py).

Usage: HF_ENDPOINT=http://127.0.0.1:PORT python3 drive_python.py   (with huggingface_hub importable)

Each method is called once with the arguments of ARGS (by parameter name, then METHOD_ARGS for the
methods whose arguments differ), then SCENARIOS run the variants whose requests differ (exist_ok, a
large file that goes through LFS, a pull request, a copy...). Before each call the driver names it to
the recorder, after it reports how it ended; a call that raises is recorded with its error, and the
requests it made are kept. Nothing here reaches the Hub: HF_ENDPOINT points at the recorder.
"""

import inspect
import json
import os
import signal
import sys
import tempfile
import urllib.request

ENDPOINT = os.environ["HF_ENDPOINT"]
TOKEN = "hf_recorder_placeholder_not_a_token"
os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")
os.environ["HF_TOKEN"] = TOKEN  # the methods that look the token up themselves (list_jobs)
os.environ.setdefault("HF_HUB_DISABLE_XET", "1")  # hf_xet is not a Debian package: uploads go by LFS

import huggingface_hub  # noqa: E402
from huggingface_hub import (  # noqa: E402
    CommitOperationAdd, CommitOperationCopy, CommitOperationDelete, HfApi)
from huggingface_hub.utils import _fixes  # noqa: E402

# The Inference Endpoints API and its catalog are services of their own (api.endpoints.huggingface.cloud,
# endpoints.huggingface.co): they are pointed at the recorder too, keeping their paths.
huggingface_hub.constants.INFERENCE_ENDPOINTS_ENDPOINT = ENDPOINT + "/v2"
huggingface_hub.constants.INFERENCE_CATALOG_ENDPOINT = ENDPOINT + "/api/catalog"

# Debian's filelock (3.9) predates the mode= argument huggingface_hub passes (it asks for >= 3.10):
# the lock is taken with the default mode instead, which changes no request.
_FileLock = _fixes.FileLock
_fixes.FileLock = lambda lock_file, mode=None, **kwargs: _FileLock(lock_file, **kwargs)

WORK = tempfile.mkdtemp(prefix="hubperm-recorder-")
SMALL = os.path.join(WORK, "config.json")
LARGE = os.path.join(WORK, "model.bin")
FOLDER = os.path.join(WORK, "folder")
with open(SMALL, "w") as f:
    f.write('{"model_type": "bert"}\n')
with open(LARGE, "wb") as f:
    f.write(b"\0" * 4096)
os.makedirs(os.path.join(FOLDER, "sub"))
for name in ("README.md", "sub/weights.bin"):
    with open(os.path.join(FOLDER, name), "wb") as f:
        f.write(b"x" * (10 if name.endswith(".md") else 4096))

# Arguments by parameter name, for every required parameter of a public HfApi method.
ARGS = {
    "repo_id": "acme/model", "repo_type": None, "revision": "main", "filename": "config.json",
    "path_in_repo": "config.json", "path_or_fileobj": SMALL, "folder_path": FOLDER,
    "commit_message": "recorder", "operations": [CommitOperationAdd("config.json", SMALL)],
    "additions": [CommitOperationAdd("config.json", SMALL)], "branch": "dev", "tag": "v1",
    "discussion_num": 1, "comment": "hello", "comment_id": "c0ffee", "new_content": "edited",
    "new_status": "closed", "new_title": "renamed", "title": "a discussion", "from_id": "acme/model",
    "to_id": "acme/model-renamed", "user": "bob", "username": "alice", "organization": "acme",
    "paths": ["config.json"], "files": ["config.json"], "delete_patterns": ["*.json"],
    "lfs_files": [], "key": "KEY", "value": "value", "hardware": "cpu-basic", "storage": "small",
    "sleep_time": 3600, "query": "bert", "model_id": "acme/model", "name": "endpoint",
    "repository": "acme/model", "framework": "pytorch", "accelerator": "cpu", "instance_size": "x1",
    "instance_type": "intel-icl", "region": "us-east-1", "vendor": "aws", "collection_slug": "acme/c-0123456789abcdef01234567",
    "item_id": "acme/model", "item_object_id": "0123456789abcdef01234567", "item_type": "model",
    "id": "2401.00001", "job_id": "0123456789abcdef01234567", "scheduled_job_id": "0123456789abcdef01234567",
    "image": "python:3.12", "command": ["echo", "hi"], "script": "print(1)", "schedule": "@daily",
    "labels": {"a": "b"}, "url": "http://127.0.0.1/hook", "watched": [{"type": "user", "name": "alice"}],
    "webhook_id": "0123456789abcdef01234567", "rejection_reason": "no", "resource_group_id": "0123456789abcdef01234567",
    "bucket_id": "acme/bucket", "source": WORK, "destination": "hf://buckets/acme/bucket",
    "remote_path": "config.json", "mount_path": "/data", "volumes": [], "fn": None,
}

# Methods whose arguments differ from ARGS (merged over it).
METHOD_ARGS = {
    "create_repo": {"repo_id": "acme/new-model"},
    "create_pull_request": {"title": "a pull request"},
    "duplicate_repo": {"from_id": "acme/model", "to_id": "alice/model-copy"},
    "duplicate_space": {"from_id": "acme/space", "to_id": "alice/space-copy"},
    "move_repo": {"from_id": "acme/model", "to_id": "acme/model-renamed"},
    "upload_file": {"path_or_fileobj": SMALL},
    "add_collection_item": {"item_id": "acme/model", "item_type": "model"},
    "update_collection_item": {"item_object_id": "0123456789abcdef01234567"},
    "delete_collection_item": {"item_object_id": "0123456789abcdef01234567"},
    "space_info": {"repo_id": "acme/space"},
    "dataset_info": {"repo_id": "acme/data"},
    "get_dataset_leaderboard": {"repo_id": "acme/data"},
    "list_dataset_parquet_files": {"repo_id": "acme/data"},
    "upload_large_folder": {"repo_type": "model"},
    "get_space_runtime": {"repo_id": "acme/space"},
    "run_as_future": None,
    "get_full_repo_name": {"model_id": "model", "organization": "acme"},
    "read_paper": {"id": "2401.00001"},
    "wait_for_space": {"repo_id": "acme/space"},
    "get_hf_file_metadata": {"url": ENDPOINT + "/acme/model/resolve/main/config.json"},
    "copy_files": {"source": "hf://acme/model/config.json", "destination": "hf://acme/model/copy/config.json"},
    "update_repo_settings": {"private": True},
    "create_webhook": {"url": "https://example.invalid/hook"},
}
for m in ("restart_space", "pause_space", "request_space_hardware", "request_space_storage",
          "delete_space_storage", "set_space_sleep_time", "add_space_secret", "delete_space_secret",
          "get_space_secrets", "add_space_variable", "delete_space_variable", "get_space_variables",
          "enable_space_dev_mode", "disable_space_dev_mode", "fetch_space_logs", "set_space_volumes",
          "delete_space_volumes"):
    METHOD_ARGS.setdefault(m, {"repo_id": "acme/space"})

# Variants whose requests differ from the plain call: (label, method, kwargs, statuses the recorder
# answers for this call only [(verb, path regex, status)]).
SCENARIOS = [
    ("create_repo(exist_ok=True) on a repo that exists", "create_repo",
     {"repo_id": "acme/model", "exist_ok": True}, [("POST", "^/api/repos/create$", 409)]),
    ("create_repo(exist_ok=True) refused, the repo readable", "create_repo",
     {"repo_id": "acme/model", "exist_ok": True}, [("POST", "^/api/repos/create$", 403)]),
    ("create_repo(repo_type='space')", "create_repo",
     {"repo_id": "acme/new-space", "repo_type": "space", "space_sdk": "gradio"}, []),
    ("create_repo(repo_type='dataset', private=True)", "create_repo",
     {"repo_id": "acme/new-dataset", "repo_type": "dataset", "private": True}, []),
    ("upload_file(a large file)", "upload_file",
     {"path_or_fileobj": LARGE, "path_in_repo": "model.bin"}, []),
    ("upload_file(repo_type='dataset', create_pr=True)", "upload_file",
     {"repo_type": "dataset", "repo_id": "acme/data", "create_pr": True}, []),
    ("create_commit(copy from another repo)", "create_commit",
     {"operations": [CommitOperationCopy("config.json", "copy.json", src_revision="main"),
                     CommitOperationDelete("old.json")]}, []),
    ("hf_hub_download(repo_type='dataset')", "hf_hub_download",
     {"repo_id": "acme/data", "repo_type": "dataset", "filename": "config.json"}, []),
    ("snapshot_download(repo_type='space')", "snapshot_download",
     {"repo_id": "acme/space", "repo_type": "space", "max_workers": 1}, []),
    ("upload_large_folder", "upload_large_folder",
     {"repo_type": "model", "num_workers": 1, "print_report": False}, []),
    ("delete_folder", "delete_folder", {"path_in_repo": "sub"}, []),
    ("auth_check(write=True)", "auth_check", {"write": True}, []),
]


def recorder(path, payload):
    req = urllib.request.Request(ENDPOINT + path, data=json.dumps(payload).encode(), method="POST",
                                 headers={"Content-Type": "application/json"})
    urllib.request.urlopen(req).read()


class Timeout(Exception):
    pass


def on_alarm(signum, frame):
    raise Timeout("the call did not end within 20 s")


def run(api, label, name, kwargs, statuses):
    recorder("/__recorder/call", {"call": label, "status": statuses})
    signal.signal(signal.SIGALRM, on_alarm)
    signal.alarm(20)
    try:
        result = getattr(api, name)(**kwargs)
        if inspect.isgenerator(result) or type(result).__name__ in ("generator", "PaginatedResponse"):
            for _ in zip(range(3), result):
                pass
        outcome = "ok"
    except BaseException as e:  # a client error is data: the requests made so far are kept
        outcome = f"raised {type(e).__name__}: {str(e).splitlines()[0][:200] if str(e) else ''}"
    finally:
        signal.alarm(0)
    recorder("/__recorder/outcome", {"outcome": outcome})


def main():
    api = HfApi(endpoint=ENDPOINT, token=TOKEN)
    names = sorted(n for n, f in inspect.getmembers(HfApi, inspect.isfunction) if not n.startswith("_"))
    for name in names:
        if METHOD_ARGS.get(name, {}) is None:
            continue
        params = inspect.signature(getattr(HfApi, name)).parameters
        kwargs = {}
        for p in params.values():
            if p.name == "self" or p.kind in (p.VAR_POSITIONAL, p.VAR_KEYWORD):
                continue
            if p.default is inspect.Parameter.empty:
                kwargs[p.name] = ARGS[p.name]
        kwargs.update(METHOD_ARGS.get(name, {}))
        kwargs = {k: v for k, v in kwargs.items() if k in params}
        if "max_workers" in params:
            kwargs["max_workers"] = 1
        if "wait" in params and name.endswith("inference_endpoint"):
            kwargs["wait"] = False
        run(api, name, name, kwargs, [])
    for label, name, kwargs, statuses in SCENARIOS:
        merged = dict(METHOD_ARGS.get(name) or {})
        params = inspect.signature(getattr(HfApi, name)).parameters
        for p in params.values():
            if p.default is inspect.Parameter.empty and p.name in ARGS and p.name not in kwargs:
                merged.setdefault(p.name, ARGS[p.name])
        merged.update(kwargs)
        run(api, label, name, merged, statuses)
    print(huggingface_hub.__version__)


if __name__ == "__main__":
    sys.exit(main())
