#!/usr/bin/env python3
# Copyright 2026 The hubperm Authors.
"""`hubperm fetch-org` against a real HTTP server on 127.0.0.1, started here.

The server serves the sample org's responses (testdata/org/acme, valid against the Hub's OpenAPI
schemas) at their URLs, as the Hub does: the members in two pages joined by a `Link: <...>;
rel="next"` header, one 429 (with Retry-After) on the resource groups and one 503 on the service
accounts, a 401 for a token it does not know and a 403 on the org's routes for a token without
org.read. Each check is one JUnit <testcase> in $XML_OUTPUT_FILE, so tools/test.sh counts it:

  - an admin's fetch and two members' --whoami-only fetches save exactly the sample's files;
  - the 429 and the 503 are retried, and said so on stderr;
  - the token is in no file and no message;
  - 401, 403, a non-admin, a next link to another origin and a response that echoes the token each
    stop the fetch with a clear message, exit 2, and leave the directory as it was;
  - a re-fetch replaces the org's files (a stale one goes) and keeps other members' whoami files;
  - the fetched directory imports to the golden fixture.

  - and the README's walk-through runs on it: import-org, audit --format html, test with the cases.

usage: fetch_org_test.py HUBPERM SAMPLE_DIR GOLDEN_FIXTURE CASES
"""

import filecmp
import http.server
import json
import os
import shutil
import stat
import subprocess
import sys
import threading
import time
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import junit_cases  # noqa: E402  (beside this file)

HUBPERM, SAMPLE, GOLDEN, CASES = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
TMP = os.environ.get("TEST_TMPDIR") or "/tmp"
ORG = "acme"

# token -> the whoami-v2 response the server answers for it (a path inside SAMPLE), and how it behaves.
TOKENS = {
    "hf_test_admin_bob": {"whoami": "api/whoami-v2/bob-bob-laptop.json"},
    "hf_test_member_alice": {"whoami": "api/whoami-v2/alice-limited-test-token.json"},
    "hf_test_member_dave": {"whoami": "api/whoami-v2/dave-dave-notebook.json"},
    "hf_test_no_org_read": {"whoami": "api/whoami-v2/bob-bob-laptop.json", "forbidden": True},
    "hf_test_evil_link": {"whoami": "api/whoami-v2/bob-bob-laptop.json", "evil_link": True},
    "hf_test_echo": {"whoami": "api/whoami-v2/bob-bob-laptop.json", "echo": True},
    "hf_test_org_token": {"whoami_body": b'{"type": "org", "name": "acme", "auth": {"type": "access_token"}}'},
}
PAGINATED = {
    "/api/organizations/acme/members": "api/organizations/acme/members",
    "/api/organizations/acme/resource-groups": "api/organizations/acme/resource-groups",
    "/api/organizations/acme/settings/repositories": "api/organizations/acme/settings/repositories",
    "/api/organizations/acme/service-accounts": "api/organizations/acme/service-accounts",
}


class State:
    lock = threading.Lock()
    failed_once = set()  # the routes that already answered their one 429 / 503
    requests = []        # (path, token known)


class Hub(http.server.BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def send_json(self, status, body, headers=()):
        data = body if isinstance(body, bytes) else json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        for name, value in headers:
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        url = urllib.parse.urlsplit(self.path)
        query = urllib.parse.parse_qs(url.query)
        auth = self.headers.get("Authorization", "")
        token = auth[len("Bearer "):] if auth.startswith("Bearer ") else ""
        behaviour = TOKENS.get(token)
        with State.lock:
            State.requests.append((url.path, behaviour is not None))
        if behaviour is None:
            return self.send_json(401, {"error": "Invalid credentials in Authorization header"})
        if url.path == "/api/whoami-v2":
            return self.send_json(200, behaviour.get("whoami_body") or read(behaviour["whoami"]))
        if url.path.startswith("/api/organizations/") and behaviour.get("forbidden"):
            return self.send_json(403, {"error": "You don't have the rights to access this resource"})
        if url.path in PAGINATED:
            # One 429 (with Retry-After) and one 503 (without), once each per server.
            for route, status, headers in (("/resource-groups", 429, [("Retry-After", "1")]), ("/service-accounts", 503, [])):
                if url.path.endswith(route):
                    with State.lock:
                        first = route not in State.failed_once
                        State.failed_once.add(route)
                    if first:
                        return self.send_json(status, {"error": "try again later"}, headers)
            page = int(query.get("cursor", ["1"])[0])
            base = PAGINATED[url.path]
            body = read(f"{base}/page-{page}.json")
            if body is None:
                return self.send_json(404, {"error": "Not Found"})
            if behaviour.get("echo"):
                body = body.replace(b"Alice Example", token.encode())
            headers = []
            if os.path.exists(os.path.join(SAMPLE, f"{base}/page-{page + 1}.json")):
                host = "http://evil.example" if behaviour.get("evil_link") else f"http://127.0.0.1:{PORT}"
                headers.append(("Link", f'<{host}{url.path}?cursor={page + 1}>; rel="next"'))
            return self.send_json(200, body, headers)
        body = read(url.path.lstrip("/") + ".json")
        if body is None:
            return self.send_json(404, {"error": "Repository not found"})
        return self.send_json(200, body)


def read(relative):
    path = os.path.join(SAMPLE, relative)
    if not os.path.isfile(path):
        return None
    with open(path, "rb") as f:
        return f.read()


server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Hub)
PORT = server.server_address[1]
threading.Thread(target=server.serve_forever, daemon=True).start()
ENDPOINT = f"http://127.0.0.1:{PORT}"

results = []  # (name, failure or "", seconds)


def check(name, fn):
    start = time.time()
    try:
        fn()
        failure = ""
    except AssertionError as e:
        failure = str(e) or "assertion failed"
    except Exception as e:  # a crash of the check is a failure too
        failure = f"{type(e).__name__}: {e}"
    results.append((name, failure, time.time() - start))
    print(("ok   " if not failure else "FAIL ") + name + ("" if not failure else ": " + failure))


def hubperm(args, token=None, env_extra=None):
    env = {k: v for k, v in os.environ.items() if k not in ("HF_TOKEN", "HF_ENDPOINT")}
    env["HF_ENDPOINT"] = ENDPOINT
    if token is not None:
        env["HF_TOKEN"] = token
    env.update(env_extra or {})
    p = subprocess.run([HUBPERM] + args, env=env, capture_output=True, timeout=120)
    return p.returncode, p.stdout.decode(), p.stderr.decode()


def tree(path):
    out = {}
    for base, _, names in os.walk(path):
        for n in names:
            full = os.path.join(base, n)
            out[os.path.relpath(full, path)] = full
    return out


def same_tree(a, b):
    ta, tb = tree(a), tree(b)
    assert sorted(ta) == sorted(tb), f"files differ: only in {a}: {sorted(set(ta) - set(tb))}; only in {b}: {sorted(set(tb) - set(ta))}"
    for rel in ta:
        assert filecmp.cmp(ta[rel], tb[rel], shallow=False), f"{rel} differs"


OUT = os.path.join(TMP, "fetched")
shutil.rmtree(OUT, ignore_errors=True)
logs = []


def admin_fetch():
    code, out, err = hubperm(["fetch-org", ORG, "--out", OUT], token="hf_test_admin_bob")
    logs.append(out + err)
    assert code == 0, f"exit {code}: {err}"
    assert "members page 1: 3 items" in err and "members page 2: 3 items" in err, err
    assert "fetch-org: saved 13 responses of acme" in err, err


def retried():
    text = logs[0]
    assert "/resource-groups -> 429, retrying in 1s (attempt 2 of 6)" in text, text
    assert "/service-accounts -> 503, retrying in 1s (attempt 2 of 6)" in text, text


def members_whoami_only():
    code, _, err = hubperm(["fetch-org", ORG, "--out", OUT, "--whoami-only"], token="hf_test_member_alice")
    logs.append(err)
    assert code == 0, err
    assert "alice-limited-test-token.json" in err, err
    token_file = os.path.join(TMP, "dave-token")
    with open(token_file, "w") as f:
        f.write("hf_test_member_dave\n")
    code, _, err = hubperm(["fetch-org", ORG, "--out", OUT, "--whoami-only", "--token-file", token_file])
    logs.append(err)
    assert code == 0, err


def exactly_the_sample():
    same_tree(SAMPLE, OUT)


def owner_only_files():
    for rel, full in tree(OUT).items():
        mode = stat.S_IMODE(os.stat(full).st_mode)
        assert mode == 0o600, f"{rel} has mode {oct(mode)}"


def token_nowhere():
    for rel, full in tree(OUT).items():
        with open(full, "rb") as f:
            assert b"hf_test_" not in f.read(), f"a token is in {rel}"
    for text in logs:
        assert "hf_test_" not in text, f"a token is in a message: {text}"


def imports_to_golden():
    code, out, err = hubperm(["import-org", OUT])
    assert code == 0, err
    with open(GOLDEN) as f:
        assert out == f.read(), "the imported fixture is not the golden one"


def walk_through():
    world = os.path.join(TMP, "acme.yaml")
    code, out, err = hubperm(["import-org", OUT])
    assert code == 0, err
    with open(world, "w") as f:
        f.write(out)
    code, html, err = hubperm(["audit", world, "--format", "html"])
    assert code == 1, f"audit: exit {code} (the sample org has error findings): {err}"
    assert html.lstrip().lower().startswith("<!doctype html") and "limited-test-token" in html, html[:200]
    code, out, err = hubperm(["test", world, CASES])
    assert code == 0 and out.rstrip().endswith(" passed, 0 failed"), out + err


def refused(token, expected, name):
    before = {rel: open(full, "rb").read() for rel, full in tree(OUT).items()}
    code, out, err = hubperm(["fetch-org", ORG, "--out", OUT], token=token)
    logs.append(out + err)
    assert code == 2, f"{name}: exit {code}: {err}"
    for text in expected:
        assert text in err, f"{name}: {text!r} not in {err}"
    assert "nothing in" in err and "changed" in err, err
    after = {rel: open(full, "rb").read() for rel, full in tree(OUT).items()}
    assert before == after, f"{name}: the directory changed"
    assert not [n for n in os.listdir(OUT) if n.startswith(".fetch-org")], "a staging directory was left behind"


def stale_files_go_and_whoami_files_stay():
    stale = os.path.join(OUT, "api/models/acme/deleted-model.json")
    with open(stale, "w") as f:
        f.write("{}")
    other = os.path.join(OUT, "api/whoami-v2/erin-erin-token.json")
    with open(other, "w") as f:
        f.write("{}")
    code, _, err = hubperm(["fetch-org", ORG, "--out", OUT], token="hf_test_admin_bob")
    assert code == 0, err
    assert not os.path.exists(stale), "a stale repo info was kept"
    assert os.path.exists(other), "another member's whoami file was removed"
    os.remove(other)
    same_tree(SAMPLE, OUT)


def no_token():
    code, _, err = hubperm(["fetch-org", ORG, "--out", OUT])
    assert code == 2 and "no token: set HF_TOKEN" in err, err


def bad_usage():
    for args, text in ((["fetch-org", "--out", OUT], "give ORG"), (["fetch-org", ORG], "needs --out DIR"),
                       (["fetch-org", "a", "--out", OUT], "is not an organization's name"),
                       (["fetch-org", ORG, "--out", OUT, "--plan", "team"], "--plan does not apply to fetch-org")):
        code, _, err = hubperm(args, token="hf_test_admin_bob")
        assert code == 2 and text in err, (args, err)


def unreachable():
    code, _, err = hubperm(["fetch-org", ORG, "--out", OUT], token="hf_test_admin_bob",
                           env_extra={"HF_ENDPOINT": "http://127.0.0.1:1"})
    assert code == 2 and "gave up after 3 attempts" in err, err


check("an admin's fetch saves every page", admin_fetch)
check("429 and 503 are retried and reported", retried)
check("members save their own whoami-v2 (HF_TOKEN and --token-file)", members_whoami_only)
check("the directory holds exactly the sample's responses", exactly_the_sample)
check("files are readable by their owner only", owner_only_files)
check("the token is in no file and no message", token_nowhere)
check("the fetched directory imports to the golden fixture", imports_to_golden)
check("the README's walk-through: import-org, audit --format html, test with cases", walk_through)
check("401: the token is refused", lambda: refused("hf_test_unknown", ["-> 401 Unauthorized", "does not accept the token"], "401"))
check("403: the missing admin role and org.read are named", lambda: refused(
    "hf_test_no_org_read", ["members -> 403 Forbidden", "needs the token of an admin of acme (bob is 'admin')",
                            "with org.read on org acme and repo.content.read there (a classic write token carries both)"], "403"))
check("a non-admin's token is refused before any org route", lambda: refused(
    "hf_test_member_dave", ["dave (the token's user) is 'read' in acme: fetch-org needs an admin of acme"], "non-admin"))
check("a next link to another origin is not followed", lambda: refused(
    "hf_test_evil_link", ["the next page is not on http://127.0.0.1", "the token is sent nowhere else"], "link"))
check("a response that holds the token is not saved", lambda: refused(
    "hf_test_echo", ["the response contains the token itself"], "echo"))
check("a whoami-v2 response that is not a user token's is refused, at its position", lambda: refused(
    "hf_test_org_token", ["the response to GET /api/whoami-v2 is not one hubperm can read: GET /api/whoami-v2:1:",
                          "only user access tokens can be imported"], "org token"))
check("a re-fetch replaces the org's files and keeps other whoami files", stale_files_go_and_whoami_files_stay)
check("no token is exit 2", no_token)
check("bad usage is exit 2", bad_usage)
check("an unreachable endpoint is retried, then exit 2", unreachable)
def requests_seen():
    with State.lock:
        requests = list(State.requests)
    assert all(path.startswith("/api/") for path, _ in requests), requests
    unknown = [path for path, known in requests if not known]
    assert unknown == ["/api/whoami-v2"], f"requests with an unknown token: {unknown}"


check("the server saw only API paths, and one request with an unknown token", requests_seen)

server.shutdown()
sys.exit(junit_cases.report("fetch_org", results))
