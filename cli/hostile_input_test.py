#!/usr/bin/env python3
# Copyright 2026 The hubperm Authors.
"""The hostile-input suite: every class of input docs/limits.md bounds, generated here and run through
the real `hubperm` binary.

Each case asserts
  - the exit code (2: refused as bad input, unless the case says otherwise);
  - a bound on time, as a multiple of the time of a trivial or same-sized benign input measured in the
    same run (never an absolute figure: these machines are noisy, and the asan build is slower);
  - a bound on the bytes written to stdout and stderr;
  - that the output holds no control or format character (only line feeds and tabs), and is UTF-8;
  - where it matters, that a given text (a secret, a forged line) does not appear.

Usage: hostile_input_test.py HUBPERM FOUNDING_WORLD
Writes one JUnit <testcase> per case to $XML_OUTPUT_FILE (Bazel's test.xml), so tools/test.sh counts
each case.
"""

import os
import stat
import subprocess
import sys
import time
import unicodedata
import xml.dom.minidom

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import junit_cases  # noqa: E402  (beside this file)

HUBPERM, FOUNDING = sys.argv[1], sys.argv[2]
TMP = os.environ.get("TEST_TMPDIR") or "/tmp"

# The characters no output may hold: C0 controls but LF and TAB, DEL, C1, and the format characters
# policy/common/escape.h escapes.
UNSAFE_RANGES = [(0x00, 0x08), (0x0B, 0x1F), (0x7F, 0x9F), (0x061C, 0x061C), (0x180E, 0x180E),
                 (0x200B, 0x200F), (0x2028, 0x202E), (0x2060, 0x2064), (0x2066, 0x206F), (0xFEFF, 0xFEFF),
                 (0xFFF9, 0xFFFB), (0xFFFE, 0xFFFF), (0xE0000, 0xE007F)]


# hubperm's own colours (policy/common/style.cc), which --color always lets through.
STYLE_SEQUENCES = ["\x1b[1;32m", "\x1b[1;31m", "\x1b[33m", "\x1b[1m", "\x1b[2m", "\x1b[0m"]


def unsafe_characters(text):
    for sequence in STYLE_SEQUENCES:
        text = text.replace(sequence, "")
    found = []
    for ch in text:
        code = ord(ch)
        if any(lo <= code <= hi for lo, hi in UNSAFE_RANGES):
            found.append("U+%04X" % code)
    return found


def path(name):
    return os.path.join(TMP, name)


def write(name, text, mode="w"):
    p = path(name)
    with open(p, mode) as f:
        f.write(text)
    return p


def run(args, stdin=None, timeout=600):
    """Runs hubperm; returns (exit code, stdout bytes, stderr bytes, seconds)."""
    start = time.monotonic()
    stdin_file = open(stdin, "rb") if isinstance(stdin, str) else subprocess.DEVNULL
    try:
        p = subprocess.run([HUBPERM] + args, stdin=stdin_file, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           timeout=timeout)
        code, out, err = p.returncode, p.stdout, p.stderr
    except subprocess.TimeoutExpired:
        code, out, err = "timeout", b"", b""
    finally:
        if stdin_file is not subprocess.DEVNULL:
            stdin_file.close()
    return code, out, err, time.monotonic() - start


def timed(args, stdin=None, rounds=3):
    """The median time of a benign run: the unit a case's time bound is a multiple of."""
    times = sorted(run(args, stdin)[3] for _ in range(rounds))
    return times[len(times) // 2]


# The trivial input: validating the founding world.
BASE = timed(["validate", FOUNDING], rounds=5)
print("trivial input: %.3f s" % BASE)

results = []  # (name, failure or "", seconds)


def case(name, args, stdin=None, code=2, max_bytes=64 * 1024, times=50, reference=None, absent=(),
         present=(), check=None):
    """Runs one hostile case and records whether it met every bound.

    times: the bound on time, as a multiple of the reference's time (a benign input of the same size,
    timed here) or, without one, of the trivial input's.
    """
    unit = timed(reference[0], reference[1] if len(reference) > 1 else None) if reference else BASE
    bound = max(unit, BASE) * times
    got, out, err, seconds = run(args, stdin, timeout=max(bound * 3, 30 * BASE))
    problems = []
    if got == "timeout":
        problems.append("did not finish (killed after %.1f s; bound %.1f s)" % (max(bound * 3, 30 * BASE), bound))
    elif got != code and not (isinstance(code, tuple) and got in code):
        problems.append("exit %s, expected %s" % (got, code))
    if seconds > bound:
        problems.append("took %.2f s, more than %d x %.3f s" % (seconds, times, max(unit, BASE)))
    if len(out) + len(err) > max_bytes:
        problems.append("wrote %d bytes, more than %d" % (len(out) + len(err), max_bytes))
    text = ""
    for stream, data in (("stdout", out), ("stderr", err)):
        try:
            decoded = data.decode("utf-8")
        except UnicodeDecodeError as e:
            problems.append("%s is not UTF-8: %s" % (stream, e))
            decoded = data.decode("utf-8", "replace")
        bad = unsafe_characters(decoded)
        if bad:
            problems.append("%s holds %s" % (stream, ", ".join(sorted(set(bad))[:5])))
        text += decoded
    for needle in absent:
        if needle in text:
            problems.append("the output holds %r" % needle[:60])
    for needle in present:
        if needle not in text:
            problems.append("the output lacks %r" % needle[:80])
    if check is not None:
        problem = check(out, err)
        if problem:
            problems.append(problem)
    results.append((name, "; ".join(problems), seconds))
    status = "FAIL" if problems else "ok"
    print("%-4s %-48s %7.3f s %8d bytes  %s" % (status, name, seconds, len(out) + len(err), "; ".join(problems)))
    if problems:
        sys.stdout.write((err[:2000]).decode("utf-8", "replace") + "\n")


WORLD = open(FOUNDING).read()
TOKEN = ["--token", "limited-test-token"]

# --- Error amplification: many errors, on one long line and on many lines. -------------------------
for size_kb in (10, 100):
    names = ", ".join("bad_name_%d" % i for i in range(size_kb * 1024 // 14))
    one_line = write("one_line_%dk.yaml" % size_kb, "users: [%s]\n" % names)
    benign = write("one_line_benign_%dk.yaml" % size_kb, "# %s\nusers: [alice]\n" % ("x" * size_kb * 1024))
    case("errors on one %d KB line" % size_kb, ["validate", one_line], max_bytes=64 * 1024,
         reference=(["validate", benign],), times=20, present=("more errors not shown",))

many = write("many_lines.yaml", "users:\n" + "".join("  - bad_name_%d\n" % i for i in range(50000)))
many_benign = write("many_lines_benign.yaml", "users:\n" + "".join("  - user-%d\n" % i for i in range(50000)))
case("50,000 errors on separate lines", ["validate", many], reference=(["validate", many_benign],), times=20,
     present=("49950 more errors not shown",))
case("50,000 errors, all shown as JSON", ["validate", many, "--format", "json", "--max-issues", "1000000"],
     max_bytes=32 << 20, reference=(["validate", many_benign],), times=30)

# --- Unbounded reads: devices, FIFOs, endless stdin, files over the bound. -------------------------
fifo = path("fifo")
if os.path.exists(fifo):
    os.unlink(fifo)
os.mkfifo(fifo)
huge = path("huge.yaml")
with open(huge, "wb") as f:
    f.truncate((1 << 30) + (100 << 20))  # 1.1 GiB, sparse: refused from its size
huge_body = path("huge.json")
with open(huge_body, "wb") as f:
    f.truncate(65 << 20)
for name, args, stdin in [
    ("validate /dev/zero", ["validate", "/dev/zero"], None),
    ("validate a FIFO nobody writes to", ["validate", fifo], None),
    ("validate a 1.1 GiB file", ["validate", huge], None),
    ("--body @/dev/zero", ["check", FOUNDING] + TOKEN + ["--http", "POST /api/repos/create", "--body", "@/dev/zero"], None),
    ("--body @FIFO", ["check", FOUNDING] + TOKEN + ["--http", "POST /api/repos/create", "--body", "@" + fifo], None),
    ("--body @65 MiB file", ["check", FOUNDING] + TOKEN + ["--http", "POST /api/repos/create", "--body", "@" + huge_body], None),
    ("--body @directory", ["check", FOUNDING] + TOKEN + ["--http", "POST /api/repos/create", "--body", "@" + TMP], None),
    ("--from-error @/dev/zero", ["check", FOUNDING] + TOKEN + ["--from-error", "@/dev/zero"], None),
    ("import-whoami /dev/zero", ["import-whoami", "/dev/zero"], None),
    ("import-whoami - from endless stdin", ["import-whoami", "-"], "/dev/zero"),
    ("--body - from endless stdin", ["check", FOUNDING] + TOKEN + ["--http", "POST /api/repos/create", "--body", "-"],
     "/dev/zero"),
]:
    case(name, args, stdin=stdin, times=200 if stdin else 20)

# --- "Did you mean" among many long names. --------------------------------------------------------
users = ["user-%s-%05d" % ("x" * 28, i) for i in range(5000)]
owners = "".join("  - {name: t%d, owner: owner-%s-%05d, role: read}\n" % (i, "y" * 28, i) for i in range(200))
suggest = write("suggest.yaml", "users: [%s]\ntokens:\n%s" % (", ".join(users), owners))
suggest_benign = write("suggest_benign.yaml", "users: [%s]\ntokens:\n%s" % (
    ", ".join(users), "".join("  - {name: t%d, owner: %s, role: read}\n" % (i, users[i]) for i in range(200))))
case("200 unknown owners among 5,000 long names", ["validate", suggest], reference=(["validate", suggest_benign],),
     times=20)
repos = "".join("  - {id: acme/%s-%05d}\n" % ("m" * 88, i) for i in range(20000))
many_repos = write("many_repos.yaml", "users: [alice]\norgs:\n  - {name: acme, members: {alice: write}}\nrepos:\n" + repos +
                   "tokens:\n  - {name: t, owner: alice, role: read}\n")
case("a 506-character --repo among 20,000 long ids", ["check", many_repos, "--token", "t", "--operation",
     "repo_info", "--repo", "acme/" + "m" * 500], reference=(["validate", many_repos],), times=5,
     present=("invalid repo id",))
case("a mistyped --repo among 20,000 long ids", ["check", many_repos, "--token", "t", "--operation", "repo_info",
     "--repo", "acme/" + "m" * 87 + "q-00001"], reference=(["validate", many_repos],), times=5,
     present=("did you mean",))

# --- Case expansion. -----------------------------------------------------------------------------
tokens = ", ".join("t%d" % i for i in range(1000))
repo_ids = ", ".join("acme/m%d" % i for i in range(1000))
expansion = write("expansion.yaml", "users: [alice]\norgs:\n  - {name: acme, members: {alice: write}}\n"
                  "repos:\n  - {id: acme/m0}\ntokens:\n" +
                  "".join("  - {name: t%d, owner: alice, role: read}\n" % i for i in range(1000)) +
                  "cases:\n  - {name: product, tokens: [%s], repos: [%s], operation: repo_info, expect: allow}\n"
                  % (tokens, repo_ids))
for command in ("validate", "test"):
    case("tokens x repos: a million checks (%s)" % command, [command, expansion], times=20,
         present=("the cases expand to 1000000 checks, more than the limit of 100000",))

# --- Terminal injection: names, pasted text, arguments. -------------------------------------------
for label, raw in [("ESC [2J", r"\e[2J"), ("carriage return", r"\r"), ("line feed", r"\n"), ("NUL", r"\0"),
                   ("line separator", r"\u2028"), ("right-to-left override", r"\u202E"), ("C1 CSI", r"\x9B")]:
    for where, text in [
        ("token name", 'users: [alice]\ntokens:\n  - {name: "t%sPASS", owner: alice, role: read}\n' % raw),
        ("case name", 'cases:\n  - {name: "x%s  PASS  forged", token: limited-test-token, operation: whoami, '
                      'expect: allow}\n' % raw),
        ("user name", 'users: ["al%sice"]\n' % raw),
        ("org name", 'users: [alice]\norgs:\n  - {name: "ac%sme"}\n' % raw),
        ("group name", 'users: [alice]\norgs:\n  - name: acme\n    plan: enterprise\n    resource_groups:\n'
                       '      - {name: "g%s", members: {alice: read}}\n' % raw),
    ]:
        f = write("inject_%s_%s.yaml" % (where.replace(" ", "_"), label.replace(" ", "_")), text)
        files = [FOUNDING, f] if where == "case name" else [f]  # a case needs the founding world's token
        for command in (["validate"] + files, ["test"] + files, ["audit"] + files):
            case("%s in a %s (%s)" % (label, where, command[0]), command + ["--color", "always"],
                 absent=("\nPASS", "PASSforged"), max_bytes=16 * 1024)

pasted = "403 Forbidden: \x1b[2J\x1b[31mYou are \r\nPASS\u2028 fine\x07.\nCannot access content at: " \
         "https://huggingface.co/api/models/acme/token-test-model/commit/main.\nMake sure your token has the correct " \
         "permissions."
pasted_file = write("pasted.txt", pasted)
for fmt in ("text", "json"):
    case("control codes in a pasted error (%s)" % fmt, ["explain", FOUNDING] + TOKEN +
         ["--from-error", "@" + pasted_file, "--format", fmt], code=(0, 1), absent=("\nPASS",))
for flag, value in [("--repo", "acme/\x1b[2Jm"), ("--repo", "acme/m\nPASS"), ("--org", "ac\u202eme"),
                    ("--token", "t\x1b]0;title\x07"), ("--operation", "whoami\r\nPASS")]:
    args = ["check", FOUNDING, "--operation", "repo_info"] + TOKEN
    if flag == "--token":
        args = ["check", FOUNDING, "--operation", "whoami", "--token", value]
    elif flag == "--operation":
        args = ["check", FOUNDING] + TOKEN + ["--operation", value]
    else:
        args = args + [flag, value]
    case("control codes in %s" % flag, args, absent=("\nPASS",))
case("control codes in an unknown option", ["validate", FOUNDING, "--\x1b[2J"])
case("control codes in a file name", ["validate", path("no\x1b[2Jsuch\nfile.yaml")])

# --- import-whoami: a secret in a field is never echoed. ------------------------------------------
secret = "hf_DoNotEchoThis0123456789abcdefGHIJ"
for field, json_text in [
    ("role", '{"type": "user", "name": "alice", "auth": {"type": "access_token", "accessToken": '
             '{"displayName": "t", "role": "%s"}}}' % secret),
    ("plan", '{"type": "user", "name": "alice", "orgs": [{"type": "org", "name": "acme", "roleInOrg": "read", '
             '"plan": "%s"}], "auth": {"type": "access_token", "accessToken": {"displayName": "t", "role": "read"}}}' % secret),
    ("type", '{"type": "%s", "name": "alice", "auth": {"type": "access_token", "accessToken": '
             '{"displayName": "t", "role": "read"}}}' % secret),
    ("an unknown key", '{"type": "user", "name": "alice", "%s": 1, "auth": {"type": "access_token", "accessToken": '
                       '{"displayName": "t", "role": "read"}}}' % secret),
    ("a permission", '{"type": "user", "name": "alice", "auth": {"type": "access_token", "accessToken": '
                     '{"displayName": "t", "role": "fineGrained", "fineGrained": {"global": ["%s"], "scoped": []}}}}' % secret),
    ("the display name", '{"type": "user", "name": "alice", "auth": {"type": "access_token", "accessToken": '
                         '{"displayName": "%s", "role": "read"}}}' % secret),
]:
    f = write("whoami_%s.json" % field.replace(" ", "_"), json_text)
    # An unknown key is only warned about (the Hub adds keys): the import goes on, without the key.
    case("import-whoami: a secret as %s" % field, ["import-whoami", f], code=0 if field == "an unknown key" else 2,
         absent=("DoNotEchoThis",))

# --- The audit page: a name that would break its script. ------------------------------------------
html_world = write("html.yaml", 'users: [alice]\ntokens:\n  - {name: "<!--<script>", owner: alice, role: read}\n'
                                '  - {name: "</script><b>", owner: alice, role: write}\n')


def script_block_closes(out, err):
    page = out.decode("utf-8", "replace")
    start = page.find('<script id="explanations" type="application/json">')
    if start < 0:
        return "no embedded JSON block"
    body = page[start + len('<script id="explanations" type="application/json">'):]
    end = body.find("</script>")
    if end < 0:
        return "the JSON block never closes"
    if "<" in body[:end]:
        return "a '<' inside the embedded JSON"
    return ""


case("audit html: <!--<script> in a token name", ["audit", html_world, "--format", "html"], code=0,
     max_bytes=1 << 20, check=script_block_closes)

# --- JUnit is well-formed XML for names XML is strict about. --------------------------------------
junit_fixture = write("junit.yaml", 'cases:\n  - {name: "caf\u00e9 <&> \\"quoted\\" \'apos\' ]]> \u2603", '
                                   'token: limited-test-token, operation: whoami, expect: deny}\n')
junit_out = path("report.xml")


def junit_parses(out, err):
    try:
        document = xml.dom.minidom.parse(junit_out)
    except Exception as e:  # noqa: BLE001 - any parse error is the failure
        return "the JUnit report is not well-formed XML: %s" % e
    names = [c.getAttribute("name") for c in document.getElementsByTagName("testcase")]
    if not any("\u2603" in n and "<&>" in n for n in names):
        return "the case's name did not survive: %r" % names
    return ""


case("JUnit: a case name with XML's special characters", ["test", FOUNDING, junit_fixture, "--junit", junit_out], code=1,
     check=junit_parses)

# --- Smaller holes. ------------------------------------------------------------------------------
case("a non-string organization in a create body", ["check", FOUNDING] + TOKEN +
     ["--http", "POST /api/repos/create", "--body", '{"type": "model", "name": "x", "organization": {"a": 1}}'],
     present=("body field 'organization' (line 1, column 48) must be a string or null, not an object",))
case("conflicting assumptions across files", ["validate", write("a1.yaml", "assumptions: {repo_write_implies_read: true}\n"),
                                               write("a2.yaml", "assumptions: {repo_write_implies_read: false}\n")],
     present=("the files of one world must agree",))
case("--from-error with two URLs", ["check", FOUNDING] + TOKEN + ["--from-error",
     "404 Client Error. Repository Not Found for url: https://huggingface.co/api/models/a/b.\n"
     "404 Client Error. Repository Not Found for url: https://huggingface.co/api/models/c/d."],
     present=("2 different URLs",))
case("--junit ''", ["test", FOUNDING, "--junit", ""], present=("--junit needs a file name",))
for label, name in [("a/b", "a/b"), ("..", ".."), ("a blank", " "), ("50 MB", "x" * (50 << 20))]:
    f = write("name_%s.yaml" % label.replace("/", "_").replace(" ", "_"), 'users: ["%s"]\n' % name)
    benign = write("name_benign_%s.yaml" % label.replace("/", "_").replace(" ", "_"),
                   "# %s\nusers: [alice]\n" % ("x" * len(name)))
    case("a user named %s" % label, ["validate", f], reference=(["validate", benign],), times=20,
         present=("invalid user name",))

# --- Batches (docs/batch-json.md): every line answered within its bound, the batch going on. --------
GOOD_LINE = '{"token": "limited-test-token", "operation": "model_info", "repo": "acme/token-test-model"}\n'
long_line = write("batch_long.jsonl", '{"token": "limited-test-token", "id": "%s"}\n' % ("x" * (50 << 20)) + GOOD_LINE)
benign_long = write("batch_long_benign.jsonl", GOOD_LINE * 2 + " " * (50 << 20) + "\n")
for label, stdin in (("FILE", None), ("stdin", long_line)):
    case("batch: a 50 MB line, then a good one (%s)" % label,
         ["check", FOUNDING, "--batch", "-" if stdin else long_line], stdin=stdin,
         reference=(["check", FOUNDING, "--batch", benign_long],), times=10,
         present=("the line is longer than 1 MiB", '"line": 2, "id": null, "exit_code": 1'))
many_bad = write("batch_many_bad.jsonl", '{"token": "limited-test-token", "operation": "model_inf"}\n' * 10000)
many_good = write("batch_many_good.jsonl", GOOD_LINE * 10000)
case("batch: 10,000 bad lines", ["check", FOUNDING, "--batch", many_bad], reference=(["check", FOUNDING, "--batch", many_good],),
     times=10, max_bytes=16 << 20, present=("hubperm: 10000 requests: 0 allowed, 0 denied, 0 not modeled, 10000 errors",))
case("batch: /dev/zero as FILE", ["check", FOUNDING, "--batch", "/dev/zero"], present=("not a regular file",))
case("batch: control codes in a line",
     ["check", FOUNDING, "--batch", write("batch_controls.jsonl",
                                          '{"token": "t\x1b[2J\u202e", "operation": "model_info\u2028", "repo": "a/\u0007b"}\n'
                                          '{"token": "limited-test-token", "operation": "whoami", "id": "\x1b]0;x\x07"}\n')],
     present=("control character",))
secret = "hf_" + "aB3dE6gH9jK2mN5pQ8sT1vW4yZ7cF0"
case("batch: a secret as the token's name", ["check", FOUNDING, "--batch", write("batch_secret.jsonl",
     '{"token": "%s", "operation": "whoami"}\n{"token": "limited-test-token", "permission": "%s", "org": "acme"}\n' % (secret, secret))],
     absent=(secret, secret[3:20]))

# --- mint and who-can: many intents (each listed once in the output), control codes. ----------------
INTENT = "- {operation: create_commit, repo: acme/token-test-model}\n"
many_intents = write("mint_many.yaml", INTENT * 2000)
batch_2000 = write("batch_2000.jsonl", '{"token": "limited-test-token", "operation": "create_commit", '
                   '"repo": "acme/token-test-model"}\n' * 2000)
case("mint: 2,000 intents", ["mint", FOUNDING, "--owner", "alice", "--for", many_intents], code=0, max_bytes=1 << 20,
     reference=(["check", FOUNDING, "--batch", batch_2000],), times=50, present=("permissions: [repo.write]",))
case("mint: control codes in an intent", ["mint", FOUNDING, "--owner", "alice", "--for",
     write("mint_controls.yaml", '- {operation: "model_info\x1b[2J", repo: "acme/x\x07"}\n')],
     present=("control character",))
case("mint: /dev/zero as the intents", ["mint", FOUNDING, "--owner", "alice", "--for", "/dev/zero"],
     present=("not a regular file",))
case("who-can: control codes in the method", ["who-can", FOUNDING, "--operation", "whoami\x1b[2J\nPASS"], absent=("\nPASS",))

# --- Report. ------------------------------------------------------------------------------------
sys.exit(junit_cases.report("hostile_input", results))
