#!/usr/bin/env python3
"""A local stand-in for the Hub that answers plausibly and records every request a client sends.

Serves on 127.0.0.1 only. tools/clients/record.sh starts it, points a client at it (HF_ENDPOINT for
huggingface_hub, hubUrl for @huggingface/hub) and drives the client's methods; each request is written
as one JSON line to --out:

  {"call": "upload_file", "step": 2, "method": "POST", "target": "/api/models/acme/m/preupload/main",
   "content_type": "application/json", "body": "...", "hub": true}

  call     the client method being run (the driver names it through POST /__recorder/call)
  step     the request's place in that call, from 1
  target   the path and query as sent
  body     the body as text (a body that is not UTF-8, or any body sent to the storage URLs the
           recorder hands out, is replaced by its size: "body_bytes")
  hub      false for the requests that go to the storage URLs the recorder hands out (a presigned
           S3 URL on the Hub), which are not the Hub's API

The Authorization header is never written: only whether one was sent ("auth": true). The driver also
reports how each call ended (POST /__recorder/outcome), written as {"call": ..., "outcome": ...}.

Answers: a table of routes below (ROUTES) gives each kind of request a plausible reply, enough for the
clients to go on to their next request; every other request gets 200 and {}. A driver may ask for a
status on a route for one call (the "status" of /__recorder/call), to record a client's fallback (a
409 on create, a 403 then a read).
"""

import argparse
import base64
import hashlib
import json
import re
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

SHA = "1" * 40
OID = hashlib.sha256(b"hubperm").hexdigest()
FILE_BYTES = b'{"model_type": "bert"}\n'
REPO_PREFIX = r"^/api/(models|datasets|spaces)/([^/]+)/([^/?]+)"


class State:
    def __init__(self, out, meta):
        self.lock = threading.Lock()
        self.out = out
        self.call = None
        self.step = 0
        self.status = []  # [(verb, compiled regex, status)]
        self.write(meta)

    def write(self, record):
        with self.lock:
            self.out.write(json.dumps(record, sort_keys=True) + "\n")
            self.out.flush()


def repo_info(h, m):
    kind, ns, name = m.group(1), m.group(2), m.group(3)
    info = {
        "id": f"{ns}/{name}",
        "_id": "0" * 24,
        "author": ns,
        "sha": SHA,
        "private": False,
        "disabled": False,
        "gated": False,
        "downloads": 0,
        "likes": 0,
        "tags": [],
        "createdAt": "2026-01-01T00:00:00.000Z",
        "lastModified": "2026-01-01T00:00:00.000Z",
        "siblings": [{"rfilename": "config.json"}, {"rfilename": "README.md"}],
        "cardData": {},
    }
    if kind == "spaces":
        info["sdk"] = "gradio"
        info["runtime"] = {"stage": "RUNNING", "hardware": {"current": "cpu-basic", "requested": None}}
    return 200, info


def tree(h, m):
    return 200, [
        {"type": "file", "path": "config.json", "size": len(FILE_BYTES), "oid": SHA},
        {"type": "file", "path": "README.md", "size": len(FILE_BYTES), "oid": SHA},
    ]


def paths_info(h, m):
    return 200, [
        {"type": "file", "path": "config.json", "size": len(FILE_BYTES), "oid": SHA,
         "lfs": {"oid": OID, "size": len(FILE_BYTES), "pointerSize": 130}},
    ]


def preupload(h, m):
    files = []
    try:
        for f in json.loads(h.body or b"{}").get("files", []):
            mode = "lfs" if f.get("size", 0) > 1000 else "regular"
            files.append({"path": f["path"], "uploadMode": mode, "shouldIgnore": False})
    except (ValueError, KeyError, AttributeError):
        pass
    return 200, {"files": files, "commitOid": SHA}


def lfs_batch(h, m):
    try:
        req = json.loads(h.body or b"{}")
    except ValueError:
        req = {}
    operation = req.get("operation", "upload")
    objects = []
    for o in req.get("objects", []):
        oid, size = o.get("oid", OID), o.get("size", 0)
        if operation == "download":
            actions = {"download": {"href": f"{h.base}/__storage/{oid}", "header": {}}}
        else:
            actions = {
                "upload": {"href": f"{h.base}/__storage/{oid}", "header": {}},
                "verify": {"href": f"{h.base}{m.group(1)}.git/info/lfs/objects/verify", "header": {}},
            }
        objects.append({"oid": oid, "size": size, "authenticated": True, "actions": actions})
    return 200, {"transfer": "basic", "objects": objects}


def commit(h, m):
    prefix = "" if m.group(1) == "models" else m.group(1) + "/"
    url = f"{h.base}/{prefix}{m.group(2)}/{m.group(3)}/commit/{SHA}"
    return 200, {"commitOid": SHA, "commitUrl": url, "success": True,
                 "pullRequestUrl": None, "hookOutput": ""}


def create(h, m):
    try:
        payload = json.loads(h.body or b"{}")
    except ValueError:
        payload = {}
    ns = payload.get("organization") or "alice"
    name = payload.get("name", "repo")
    prefix = {"dataset": "datasets/", "space": "spaces/"}.get(payload.get("type"), "")
    return 200, {"url": f"{h.base}/{prefix}{ns}/{name}", "name": f"{ns}/{name}", "id": "0" * 24}


def whoami(h, m):
    return 200, {
        "type": "user", "id": "0" * 24, "name": "alice", "fullname": "Alice", "email": None,
        "canPay": False, "isPro": False, "periodEnd": None, "avatarUrl": "",
        "orgs": [{"type": "org", "name": "acme", "fullname": "Acme", "roleInOrg": "admin"}],
        "auth": {"type": "access_token", "accessToken": {"displayName": "recorder", "role": "write"}},
    }


def discussion_new(h, m):
    return 200, {"num": 1, "pullRequest": True, "url": f"{h.base}/discussions/1"}


def discussion(h, m):
    return 200, {
        "num": int(m.group(4)), "title": "t", "status": "open", "author": {"name": "alice"},
        "createdAt": "2026-01-01T00:00:00.000Z", "isPullRequest": True, "endpoint": h.base,
        "repo": {"name": f"{m.group(2)}/{m.group(3)}", "type": m.group(1)[:-1]},
        "events": [], "conflictingFiles": None, "targetBranch": "refs/heads/main",
        "mergeCommitOid": None, "diff": "", "changes": {"base": SHA}, "filesWithConflicts": [],
    }


def discussions(h, m):
    return 200, {"discussions": [], "count": 0, "start": 0, "numClosedDiscussions": 0}


def refs(h, m):
    return 200, {"branches": [{"name": "main", "ref": "refs/heads/main", "targetCommit": SHA}],
                 "tags": [], "converts": []}


def runtime(h, m):
    return 200, {"stage": "RUNNING", "hardware": {"current": "cpu-basic", "requested": None},
                 "storage": None, "gcTimeout": None}


def empty_list(h, m):
    return 200, []


ROUTES = [
    ("GET", r"^/api/whoami-v2$", whoami),
    ("GET", r"^/api/(?:models|datasets|spaces|collections)$", empty_list),
    ("GET", REPO_PREFIX + r"/commits/", empty_list),
    ("POST", r"^/api/repos/create$", create),
    ("POST", r"^(.*)\.git/info/lfs/objects/batch$", lfs_batch),
    ("POST", REPO_PREFIX + r"/preupload/", preupload),
    ("POST", REPO_PREFIX + r"/commit/", commit),
    ("POST", REPO_PREFIX + r"/paths-info/", paths_info),
    ("GET", REPO_PREFIX + r"/tree/", tree),
    ("POST", REPO_PREFIX + r"/discussions$", discussion_new),
    ("GET", REPO_PREFIX + r"/discussions/(\d+)$", discussion),
    ("GET", REPO_PREFIX + r"(?:/revision/[^/]+)?$", repo_info),
    ("GET", REPO_PREFIX + r"/discussions$", discussions),
    ("GET", REPO_PREFIX + r"/refs$", refs),
    (None, r"^/api/spaces/[^/]+/[^/]+/(?:runtime|restart|pause|hardware|sleeptime|storage|dev-mode)$", runtime),
    ("GET", r"^/(?:(?:datasets|spaces)/)?[^/]+/[^/]+/(?:resolve|raw)/", None),
    ("HEAD", r"^/(?:(?:datasets|spaces)/)?[^/]+/[^/]+/(?:resolve|raw)/", None),
]
ROUTES = [(verb, re.compile(rx), fn) for verb, rx, fn in ROUTES]


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "hubperm-recorder"

    def log_message(self, *args):
        pass

    def handle_any(self):
        state = self.server.state
        length = int(self.headers.get("Content-Length") or 0)
        self.body = self.rfile.read(length) if length else b""
        if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
            self.body = self.read_chunked()
        self.base = f"http://{self.headers.get('Host')}"
        path = urlsplit(self.path).path
        if path.startswith("/__recorder/"):
            return self.control(state, path)
        hub = not path.startswith("/__storage/")
        with state.lock:
            state.step += 1
            step = state.step
        record = {"call": state.call, "step": step, "method": self.command, "target": self.path,
                  "hub": hub, "auth": "Authorization" in self.headers}
        ctype = self.headers.get("Content-Type")
        if ctype:
            record["content_type"] = ctype
        if self.body:
            text = None
            if hub:
                try:
                    text = self.body.decode("utf-8")
                except UnicodeDecodeError:
                    pass
            if text is None:
                record["body_bytes"] = len(self.body)
            else:
                record["body"] = text
        state.write(record)
        for verb, rx, status in state.status:
            if verb == self.command and rx.search(path):
                return self.reply(status, {"error": f"recorder: {status} asked for by the driver"})
        for verb, rx, fn in ROUTES:
            m = rx.search(path)
            if verb in (None, self.command) and m:
                if fn is None:
                    return self.file()
                status, payload = fn(self, m)
                return self.reply(status, payload)
        return self.reply(200, {})

    def read_chunked(self):
        data = b""
        while True:
            size = int(self.rfile.readline().split(b";")[0], 16)
            if size == 0:
                self.rfile.readline()
                return data
            data += self.rfile.read(size)
            self.rfile.readline()

    def control(self, state, path):
        msg = json.loads(self.body or b"{}")
        if path == "/__recorder/call":
            state.call = msg["call"]
            state.step = 0
            state.status = [(s[0], re.compile(s[1]), s[2]) for s in msg.get("status", [])]
        elif path == "/__recorder/outcome":
            # The port changes from run to run: the recording names the recorder {endpoint}.
            outcome = msg["outcome"].replace(self.base, "{endpoint}")
            state.write({"call": state.call, "outcome": outcome})
            state.status = []
        return self.reply(200, {})

    def file(self):
        data = FILE_BYTES
        m = re.match(r"bytes=(\d+)-(\d*)$", self.headers.get("Range", ""))
        if m:  # a ranged read (the JS client's size probe, a safetensors header)
            start = min(int(m.group(1)), len(FILE_BYTES))
            end = min(int(m.group(2)) if m.group(2) else len(FILE_BYTES) - 1, len(FILE_BYTES) - 1)
            data = FILE_BYTES[start:end + 1]
            self.send_response(206)
            self.send_header("Content-Range", f"bytes {start}-{end}/{len(FILE_BYTES)}")
        else:
            self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.send_header("ETag", f'"{SHA}"')
        self.send_header("X-Repo-Commit", SHA)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)

    def reply(self, status, payload):
        data = b"" if payload is None else json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        if status >= 400:
            self.send_header("X-Error-Message", payload.get("error", "error"))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = do_HEAD = handle_any


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", required=True)
    ap.add_argument("--client", required=True)
    ap.add_argument("--version", required=True)
    ap.add_argument("--source", required=True, help="where the client's code came from")
    ap.add_argument("--port-file", required=True, help="where the chosen port is written")
    args = ap.parse_args()
    with open(args.out, "w", encoding="utf-8") as out:
        server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        server.daemon_threads = True
        server.state = State(out, {"client": args.client, "version": args.version,
                                    "source": args.source})
        with open(args.port_file, "w") as f:
            f.write(str(server.server_address[1]))
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            pass


if __name__ == "__main__":
    sys.exit(main())
