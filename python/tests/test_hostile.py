"""The hostile-input reproducers (cli/hostile_input_test.py, testdata/hostile/) through the module: every
one is refused with an exception (or answered), within a time bound relative to a benign input of the
same size measured in the same run, with bounded text that holds no control or format character, and the
interpreter lives on."""

import glob
import json
import os
import subprocess
import sys
import time

import hubperm
import pytest

from conftest import FOUNDING

# The characters no message may hold: C0 controls but LF and TAB, DEL, C1, and the format characters
# policy/common/escape.h escapes.
UNSAFE = [(0x00, 0x08), (0x0B, 0x1F), (0x7F, 0x9F), (0x061C, 0x061C), (0x180E, 0x180E), (0x200B, 0x200F),
          (0x2028, 0x202E), (0x2060, 0x2064), (0x2066, 0x206F), (0xFEFF, 0xFEFF), (0xFFF9, 0xFFFB),
          (0xFFFE, 0xFFFF), (0xE0000, 0xE007F)]


def assert_safe(text, max_chars=256 * 1024):
    bad = sorted({"U+%04X" % ord(c) for c in text if any(lo <= ord(c) <= hi for lo, hi in UNSAFE)})
    assert not bad, "the text holds %s" % ", ".join(bad[:5])
    assert len(text) <= max_chars


def timed(fn):
    start = time.monotonic()
    try:
        fn()
    except hubperm.HubpermError:
        pass
    return time.monotonic() - start


def refused(fn, exception=hubperm.HubpermError):
    with pytest.raises(exception) as e:
        fn()
    assert_safe(str(e.value))
    return e.value


@pytest.fixture
def tmp(tmp_path):
    def write(name, text, mode="w"):
        path = tmp_path / name
        with open(path, mode) as f:
            f.write(text)
        return str(path)
    write.dir = str(tmp_path)
    return write


@pytest.mark.parametrize("path", sorted(glob.glob("testdata/hostile/*.yaml")))
def test_every_seed_is_refused_with_safe_bounded_text(path):
    e = refused(lambda: hubperm.World.load(path), hubperm.FixtureError)
    assert e.errors > 0
    assert all(i.message for i in e.issues)


def test_50000_errors_are_bounded_and_linear(tmp):
    many = tmp("many.yaml", "users:\n" + "".join("  - bad_name_%d\n" % i for i in range(50000)))
    benign = tmp("benign.yaml", "users:\n" + "".join("  - user-%d\n" % i for i in range(50000)))
    e = refused(lambda: hubperm.World.load(many), hubperm.FixtureError)
    assert e.errors == 50000 and len(e.issues) == 50  # the others are counted, not listed
    assert "49950 more errors" in e.text
    assert timed(lambda: hubperm.World.load(many)) <= 20 * max(timed(lambda: hubperm.World.load(benign)), 0.01)


def test_unreadable_inputs_are_refused_at_once(tmp):
    huge = os.path.join(tmp.dir, "huge.yaml")
    with open(huge, "wb") as f:
        f.truncate((1 << 30) + (100 << 20))  # 1.1 GiB, sparse: refused from its size
    for path in ("/dev/zero", huge, tmp.dir):
        e = refused(lambda: hubperm.World.load(path), hubperm.FixtureError)
        assert e.errors == 1


def test_a_fifo_nobody_writes_to_does_not_hang(tmp):
    fifo = os.path.join(tmp.dir, "fifo")
    os.mkfifo(fifo)
    # In a child, so that a hang would fail this test rather than stop the suite.
    child = subprocess.run([sys.executable, "-c", "import hubperm, sys\ntry:\n hubperm.World.load(sys.argv[1])\n"
                            "except hubperm.FixtureError as e:\n print(e)\n", fifo],
                           capture_output=True, text=True, timeout=60)
    assert child.returncode == 0, child.stderr
    assert "not a regular file" in child.stdout


def test_a_million_checks_are_refused(tmp):
    world = ("users: [alice]\norgs:\n  - {name: acme, members: {alice: write}}\nrepos:\n  - {id: acme/m0}\ntokens:\n" +
             "".join("  - {name: t%d, owner: alice, role: read}\n" % i for i in range(1000)) +
             "cases:\n  - {name: product, tokens: [%s], repos: [%s], operation: repo_info, expect: allow}\n" %
             (", ".join("t%d" % i for i in range(1000)), ", ".join("acme/m%d" % i for i in range(1000))))
    e = refused(lambda: hubperm.World.from_yaml(world), hubperm.FixtureError)
    assert "the cases expand to 1000000 checks, more than the limit of 100000" in e.text


@pytest.mark.parametrize("raw", ["\x1b[2J", "\r", "\n", "\0", "\u2028", "\u202e", "\x9b"])
def test_control_codes_in_names_never_reach_the_text(raw):
    for text in ['users: [alice]\ntokens:\n  - {name: "t%sPASS", owner: alice, role: read}\n' % raw.encode("unicode_escape").decode(),
                 'users: ["al%sice"]\n' % raw.encode("unicode_escape").decode()]:
        refused(lambda: hubperm.World.from_yaml(text), hubperm.FixtureError)


@pytest.mark.parametrize("token", ["a\x00b", "\udcff", "t\x1b]0;title\x07", "t\u202eevil", "x" * (1 << 20)])
def test_hostile_arguments_are_request_errors(founding, token):
    refused(lambda: founding.check(token, "whoami"), hubperm.RequestError)
    refused(lambda: founding.check("limited-test-token", "model_info", repo_id="acme/" + token), hubperm.RequestError)
    refused(lambda: founding.check("limited-test-token", token), hubperm.RequestError)


def test_a_request_over_64_mib_is_refused_without_reading_it_all(founding):
    e = refused(lambda: founding.check("limited-test-token", http="POST /api/repos/create", body="x" * (65 << 20)),
                hubperm.RequestError)
    assert "longer than 64 MiB" in str(e)


def test_pasted_control_codes_are_escaped(founding):
    pasted = ("403 Forbidden: \x1b[2J\x1b[31mYou are \r\nPASS\u2028 fine\x07.\nCannot access content at: "
              "https://huggingface.co/api/models/acme/token-test-model/commit/main.")
    d = founding.check("limited-test-token", from_error=pasted)
    assert_safe(str(d))
    assert_safe(d.line)
    assert "\nPASS" not in str(d)


def test_a_batch_goes_on_past_hostile_lines(founding):
    good = {"token": "limited-test-token", "operation": "model_info", "repo": "acme/token-test-model"}
    lines = ['{"token": "limited-test-token", "id": "%s"}' % ("x" * (2 << 20)), "not json", "[1, 2]",
             '{"token": "\udcff"}', '{"token": "limited-test-token", "operation": "model_inf"}' ] + [json.dumps(good)]
    answers = founding.batch(lines)
    assert [a["verdict"] for a in answers] == ["error"] * 5 + ["deny"]
    assert [a["line"] for a in answers] == [1, 2, 3, 4, 5, 6]
    assert "longer than 1 MiB" in answers[0]["errors"][0]["message"]
    for a in answers:
        assert_safe(json.dumps(a, ensure_ascii=False))
    with pytest.raises(ValueError, match="one line"):
        founding.batch(["{}\n{}"])


def test_10000_bad_lines_are_each_answered(founding):
    answers = founding.batch(['{"token": "limited-test-token", "operation": "model_inf"}'] * 10000)
    assert len(answers) == 10000 and {a["verdict"] for a in answers} == {"error"}
