"""Every CLI golden of a decision, an audit or a test run, reproduced through Python: the module answers
exactly as `hubperm` does (cli/hubperm_test.cc, cli/audit_command_test.cc, cli/test_command_test.cc and
policy/audit/audit_test.cc run the same requests through the binary)."""

import json

import hubperm
import pytest

from conftest import FOUNDING, FOUNDING_BODY, SEQUENCES, SPEC, golden, golden_json

CREATE = {"http": "POST /api/repos/create", "body": FOUNDING_BODY}
PERMISSION = {"permission": "repo.write", "organization": "acme"}

# (golden, what it holds, world files, token, method, keywords). "explain": str(decision) is the golden's
# text; "check": decision.line; "json": decision.to_dict().
DECISIONS = [
    ("founding_explain.txt", "explain", [FOUNDING], "limited-test-token", None, CREATE),
    ("founding_explain.txt", "explain", [FOUNDING], "limited-test-token", "create_repo",
     {"repo_id": "acme/whatever_you_want"}),
    ("founding_check.txt", "check", [FOUNDING], "limited-test-token", None, CREATE),
    ("founding_check.txt", "check", [FOUNDING], "limited-test-token", None, PERMISSION),
    ("founding_explain.json", "json", [FOUNDING], "limited-test-token", None, CREATE),
    ("founding_commit_explain.txt", "explain", [FOUNDING], "limited-test-token", None,
     {"http": "POST https://huggingface.co/api/models/acme/token-test-model/commit/main"}),
    ("founding_permission_explain.txt", "explain", [FOUNDING], "limited-test-token", None, PERMISSION),
    ("founding_permission_explain.json", "json", [FOUNDING], "limited-test-token", None, PERMISSION),
    ("spec_move_explain.txt", "explain", [SPEC], "fg-adam-org", "move_repo",
     {"from_id": "acme/private-model", "to_id": "adam/private-model"}),
    ("spec_commit_allow.json", "json", [SPEC], "fg-wes-org", None,
     {"http": "POST /api/models/acme/private-model/commit/main"}),
    ("sequence_upload_folder_explain.txt", "explain", [SEQUENCES], "alice-read", "upload_folder",
     {"repo_id": "acme/model"}),
    ("sequence_create_repo_exist_ok.json", "json", [SEQUENCES], "alice-fg-model", "create_repo",
     {"repo_id": "acme/model", "exist_ok": True}),
]


@pytest.mark.parametrize("name,kind,files,token,method,kwargs", DECISIONS,
                         ids=["%s-%d" % (d[0], i) for i, d in enumerate(DECISIONS)])
def test_decision_matches_the_cli_golden(name, kind, files, token, method, kwargs):
    d = hubperm.World.load(*files).check(token, method, **kwargs)
    if kind == "explain":
        assert str(d) + "\n" == golden(name)
    elif kind == "check":
        assert d.line + "\n" == golden(name)
    else:
        assert d.to_dict() == golden_json(name)
        assert d.allowed == golden_json(name)["allowed"]
        assert d.status == golden_json(name)["status"]


def batch_lines():
    with open("testdata/batch/mixed.jsonl", encoding="utf-8") as f:
        return f.read().splitlines()


@pytest.mark.parametrize("explain,name", [(False, "batch_check.jsonl"), (True, "batch_explain.jsonl")])
def test_batch_matches_the_cli_golden(explain, name):
    world = hubperm.World.load(SEQUENCES)
    answers = world.batch(batch_lines(), explain=explain, name="testdata/batch/mixed.jsonl")
    assert answers == [json.loads(line) for line in golden(name).splitlines()]


def test_batch_takes_dicts_as_well_as_lines():
    world = hubperm.World.load(SEQUENCES)
    lines = [line for line in batch_lines() if line]
    as_dicts = world.batch([json.loads(line) for line in lines])
    as_lines = world.batch(lines)
    assert [a["result"] for a in as_dicts] == [a["result"] for a in as_lines]
    assert [a["verdict"] for a in as_dicts] == ["allow", "deny", "deny", "error", "allow", "not_modeled", "allow",
                                                 "deny", "error"]


AUDITS = [
    ("audit_world.json", ["testdata/audit/world.yaml"], None),
    ("audit_lifetime.json", ["testdata/audit/lifetime.yaml"], "2026-11-30"),
]


@pytest.mark.parametrize("name,files,at", AUDITS, ids=[a[0] for a in AUDITS])
def test_audit_matches_the_golden(name, files, at):
    world = hubperm.World.load(*files)
    assert world.audit(at=at) == golden_json(name)
    assert world.audit(at=at, jobs=1) == world.audit(at=at, jobs=2)


AUDIT_TEXTS = [
    ("audit_founding.txt", [FOUNDING], None),
    ("audit_world.txt", ["testdata/audit/world.yaml"], None),
    ("audit_lifetime.txt", ["testdata/audit/lifetime.yaml"], "2026-11-30"),
]


@pytest.mark.parametrize("name,files,at", AUDIT_TEXTS, ids=[a[0] for a in AUDIT_TEXTS])
def test_audit_text_matches_the_golden(name, files, at):
    assert hubperm.World.load(*files).audit_text(at=at) == golden(name)


WRONG = "testdata/test_command/wrong_assumptions.yaml"


def test_test_run_matches_the_goldens():
    world = hubperm.World.load(FOUNDING, WRONG)
    report = world.test(coverage=True)
    assert report == golden_json("test_failures.json")
    assert [c["result"] for c in report["checks"]].count("fail") == report["failed"] > 0
    assert world.test_text() == golden("test_failures.txt")
    assert hubperm.World.load(FOUNDING).test_text(coverage=True) == golden("founding_coverage.txt")


def test_invalid_fixture_issues_match_the_validate_golden():
    with pytest.raises(hubperm.FixtureError) as e:
        hubperm.World.load("testdata/invalid/references.yaml")
    expected = golden_json("references_validate.json")
    assert e.value.errors == expected["errors"] and e.value.warnings == expected["warnings"]
    assert [tuple(i) for i in e.value.issues] == [
        (i["at"]["file"], i["at"]["line"], i["at"]["column"], i["severity"], i["message"]) for i in expected["issues"]]


def test_warnings_of_a_world_that_loads_match_the_validate_golden():
    world = hubperm.World.load("testdata/regressions/scope_placement.yaml")
    expected = golden_json("scope_placement_validate.json")
    assert expected["errors"] == 0 and expected["warnings"] > 0
    assert [tuple(i) for i in world.warnings] == [
        (i["at"]["file"], i["at"]["line"], i["at"]["column"], i["severity"], i["message"]) for i in expected["issues"]]
