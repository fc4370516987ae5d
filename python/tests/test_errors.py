"""Bad input: fixtures with errors raise FixtureError with every issue; a request the world cannot answer
raises RequestError naming the nearest names; Python's own mistakes (a keyword that is not one, a value
of the wrong type) raise TypeError, as Python's functions do."""

import datetime
import glob
import re

import hubperm
import pytest

from conftest import FOUNDING

INVALID = sorted(glob.glob("testdata/invalid/*.yaml"))


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


@pytest.mark.parametrize("path", [p for p in INVALID if not p.endswith("case_requests.yaml")])
def test_every_invalid_fixture_raises_with_its_golden_issues(path):
    with pytest.raises(hubperm.FixtureError) as e:
        hubperm.World.load(path)
    golden = read(path[:-5] + ".golden")
    # The golden is `hubperm validate`'s stderr: the issues, then at most a closing line of its own.
    assert golden.startswith(e.value.text)
    assert all(line.startswith("hubperm: ") for line in golden[len(e.value.text):].splitlines())
    positioned = re.findall(r"^(\S+?):(\d+):(\d+): (error|warning): (.*)$", e.value.text, re.M)
    assert [(i.file, str(i.line), str(i.column), i.severity, i.message) for i in e.value.issues] == [
        (f, l, c, s, m) for f, l, c, s, m in positioned]
    assert e.value.errors == sum(1 for i in e.value.issues if i.severity == "error") > 0
    assert str(e.value) == e.value.text.rstrip("\n")


def test_cases_whose_requests_do_not_resolve_are_invalid_checks():
    world = hubperm.World.load("testdata/invalid/case_requests.yaml")  # the world itself is sound
    report = world.test()
    failures = [c["failure"] for c in report["checks"] if c["result"] == "invalid"]
    assert report["invalid"] == len(failures) > 0
    # `hubperm validate` names each check's case before the same message.
    messages = re.findall(r": error: case '.*?': (.*)$", read("testdata/invalid/case_requests.golden"), re.M)
    assert sorted(messages) == sorted(failures)


def test_from_yaml_positions_issues_in_the_name_given():
    with pytest.raises(hubperm.FixtureError) as e:
        hubperm.World.from_yaml("users: [alice]\ntokens:\n  - {name: t, owner: bob, role: read}\n", name="inline.yaml")
    assert [(i.file, i.line, i.severity) for i in e.value.issues] == [("inline.yaml", 3, "error")]
    assert "unknown user 'bob'" in e.value.issues[0].message


def test_from_texts_loads_several_files_as_one_world():
    world = hubperm.World.from_texts({"users.yaml": "users: [alice]\n",
                                      "tokens.yaml": "tokens:\n  - {name: t, owner: alice, role: read}\n"})
    assert world.tokens == ["t"] and world.repos == {}
    assert world.files == ("users.yaml", "tokens.yaml")
    assert world.check("t", "whoami").allowed


def test_a_file_that_cannot_be_read_is_a_fixture_error():
    with pytest.raises(hubperm.FixtureError, match="cannot read 'no/such/file.yaml'"):
        hubperm.World.load("no/such/file.yaml")
    with pytest.raises(TypeError):
        hubperm.World.load()


def test_an_unknown_token_names_the_nearest(founding):
    with pytest.raises(hubperm.RequestError) as e:
        founding.check("limited-test-tokn", "whoami")
    assert str(e.value) == "unknown token 'limited-test-tokn'; did you mean 'limited-test-token'?"
    assert isinstance(e.value, ValueError)


def test_an_unknown_method_names_the_nearest_three(founding):
    with pytest.raises(hubperm.RequestError) as e:
        founding.check("limited-test-token", "model_inf", repo_id="acme/token-test-model")
    nearest = re.search(r"the nearest known: ([^ (]+), ([^ (]+), ([^ (]+) \(", str(e.value))
    assert nearest and nearest.group(1) == "model_info"


def test_an_unknown_repo_names_the_nearest(founding):
    with pytest.raises(hubperm.RequestError, match="did you mean 'acme/token-test-model'"):
        founding.check("limited-test-token", "model_info", repo_id="acme/token-test-modl")


def test_a_keyword_that_is_not_one_is_a_type_error_with_a_suggestion(founding):
    with pytest.raises(TypeError, match=r"unexpected keyword argument 'repo_di'; did you mean repo_id"):
        founding.check("limited-test-token", "model_info", repo_di="acme/token-test-model")
    with pytest.raises(TypeError, match="repo_id and repo name the same argument"):
        founding.check("limited-test-token", "model_info", repo_id="acme/a", repo="acme/b")
    with pytest.raises(TypeError, match="token must be the token's name"):
        founding.check(None, "whoami")
    with pytest.raises(TypeError, match="body must be"):
        founding.check("limited-test-token", http="POST /api/repos/create", body=42)


@pytest.mark.parametrize("kwargs,message", [
    ({}, "exactly one of method, http, permission and from_error; got none"),
    ({"method": "whoami", "http": "GET /api/whoami-v2"}, "got method, http"),
    ({"method": "model_info", "repo_id": "acme/token-test-model", "revision": "v1"}, "revision= and create_pr="),
    ({"method": "whoami", "body": {}}, "body and content_type go with http="),
    ({"method": "model_info", "repo_id": "acme/token-test-model", "organization": "acme"}, "org"),
    ({"http": "GET /api/models/acme/token-test-model", "repo_id": "acme/token-test-model"}, "repo"),
    ({"http": "BREW /api/coffee"}, ""),
    ({"permission": "repo.fly", "organization": "acme"}, "repo.fly"),
])
def test_requests_that_do_not_make_sense_are_request_errors(founding, kwargs, message):
    kwargs = dict(kwargs)
    method = kwargs.pop("method", None)
    with pytest.raises(hubperm.RequestError) as e:
        founding.check("limited-test-token", method, **kwargs)
    assert message in str(e.value)
    assert e.value.messages and all(e.value.messages)


def test_moments(founding):
    with pytest.raises(ValueError, match="is not a moment"):
        founding.check("limited-test-token", "whoami", at="yesterday")
    with pytest.raises(ValueError, match="no time zone"):
        founding.check("limited-test-token", "whoami", at=datetime.datetime(2026, 3, 1))
    lifetime = hubperm.World.load("testdata/audit/lifetime.yaml")
    token = lifetime.tokens[0]
    as_text = lifetime.check(token, "whoami", at="2030-01-01")
    as_date = lifetime.check(token, "whoami", at=datetime.date(2030, 1, 1))
    as_datetime = lifetime.check(token, "whoami", at=datetime.datetime(2030, 1, 1, tzinfo=datetime.timezone.utc))
    assert as_text.line == as_date.line == as_datetime.line


def test_a_secret_pasted_as_a_name_is_refused_and_not_repeated(founding):
    secret = "hf_" + "aB3dE6gH9jK2mN5pQ8sT1vW4yZ7cF0"
    with pytest.raises(hubperm.RequestError) as e:
        founding.check(secret, "whoami")
    assert secret not in str(e.value) and secret[3:20] not in str(e.value)
    answers = founding.batch([{"token": secret, "operation": "whoami"}])
    assert secret not in repr(answers) and answers[0]["verdict"] == "error"
