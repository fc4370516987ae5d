"""What a Decision holds for each kind of answer: an allowed request, a denial, a client method of several
requests, a pasted error, and a route hubperm does not model."""

import hubperm
import pytest

from conftest import golden_json


def test_an_allowed_decision(spec):
    d = spec.check("fg-wes-org", http="POST /api/models/acme/private-model/commit/main")
    expected = golden_json("spec_commit_allow.json")
    assert (d.verdict, d.allowed, d.status) == ("allow", True, 200)
    assert d.denied_by == [] and d.fixes == []
    assert [r.allowed for r in d.reasons] == [True, True, True]
    assert [r.text for r in d.reasons] == [expected["sides"][s]["text"] for s in ("user", "token", "policy")]
    assert d.sides["token"].at == hubperm.Position(**expected["sides"]["token"]["at"])
    assert d.message == expected["reply"]["text"]
    assert d.line.startswith("ALLOW")
    assert repr(d).startswith("<hubperm.Decision ALLOW")


def test_to_dict_is_a_copy(founding):
    d = founding.check("limited-test-token", "whoami")
    d.to_dict()["allowed"] = "changed"
    assert d.to_dict()["allowed"] is True


def test_a_client_method_of_several_requests_is_decided_as_the_client_runs_it(sequences):
    d = sequences.check("alice-read", "upload_folder", repo_id="acme/model")
    result = d.to_dict()
    assert result["schema"] == "hubperm.sequence/v1"
    failing = d.steps[result["deciding_step"] - 1]
    assert failing["state"] == "refused"
    assert (d.allowed, d.status) == (False, failing["status"])
    assert d.denied_by == failing["decision"]["denied_by"] == ["token"]
    assert d.fixes == [f["text"] for f in failing["decision"]["fixes"]]
    assert "upload_folder fails at step" in d.line


def test_exist_ok_changes_the_outcome_as_the_client_falls_back(sequences):
    alone = sequences.check("alice-fg-model", "create_repo", repo_id="acme/model")
    client = sequences.check("alice-fg-model", "create_repo", repo_id="acme/model", exist_ok=True)
    assert (alone.allowed, alone.status, alone.denied_by) == (False, 403, ["token"])
    assert (client.allowed, client.status, client.denied_by) == (True, 200, [])


def test_a_route_hubperm_does_not_model(founding):
    d = founding.check("limited-test-token", http="GET https://huggingface.co/api/jobs/hardware")
    assert d.verdict == "not_modeled"
    assert d.allowed is None and d.status is None
    assert d.to_dict()["schema"] == "hubperm.unmodeled/v1"
    assert d.message == d.to_dict()["reason"] and d.message
    assert d.reasons == [] and d.denied_by == [] and d.fixes == []
    assert str(d).startswith("NOT MODELED")
    with pytest.raises(AssertionError, match="expected ALLOW, got NOT MODELED"):
        hubperm.assert_allowed(founding, "limited-test-token", http="GET https://huggingface.co/api/jobs/hardware")


def test_world_facts(founding, spec):
    assert founding.tokens == ["limited-test-token"]
    assert founding.repos == {"acme/token-test-model": "model"}
    assert founding.files == ("testdata/founding/world.yaml",)
    assert founding.warnings == []
    assert len(spec.tokens) == len(set(spec.tokens)) > 10
