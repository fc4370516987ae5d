"""World.mint: the smallest token for a job, as `hubperm mint --format json` gives it."""

import hubperm
import pytest

from conftest import golden_json

FOUNDING_INTENTS = [{"operation": "create_repo", "repo": "acme/new-model"},
                    {"operation": "create_commit", "repo": "acme/token-test-model"}]


def test_the_founding_scenario_mints_repo_write_on_the_org(founding):
    minted = founding.mint("alice", FOUNDING_INTENTS)
    assert minted["ok"] is True
    assert [(s["type"], s["entity"], [p["permission"] for p in s["permissions"]]) for s in minted["scopes"]] == [
        ("org", "acme", ["repo.write"])]
    assert minted["scopes"][0]["permissions"][0]["needed_by"] == [1, 2]
    assert "permissions: [repo.write]" in minted["fixture"]


def test_prefer_group_matches_the_cli_golden_but_for_positions(founding):
    minted = founding.mint("alice", FOUNDING_INTENTS, prefer="group")
    expected = golden_json("mint_founding_group.json")
    for intent in expected["intents"]:
        intent["at"] = None
    for intent in minted["intents"]:
        intent["at"] = None
    assert minted == expected


def test_the_minted_token_does_the_job(founding):
    minted = founding.mint("alice", FOUNDING_INTENTS, name="ci")
    with open("testdata/founding/world.yaml", encoding="utf-8") as f:
        world = hubperm.World.from_texts({"world.yaml": f.read(), "minted.yaml": minted["fixture"]})
    hubperm.assert_allowed(world, "ci", "create_repo", repo_id="acme/new-model")
    hubperm.assert_allowed(world, "ci", "create_commit", repo_id="acme/token-test-model")
    hubperm.assert_denied(world, "ci", "list_organization_members", organization="acme")


def test_an_intent_no_token_can_allow_is_reported_not_raised():
    world = hubperm.World.load("testdata/clients/world.yaml")
    minted = world.mint("bob", [{"operation": "model_info", "repo": "acme/model"},
                                {"operation": "create_commit", "repo": "acme/model"}])
    assert minted["ok"] is False
    assert [i["outcome"] for i in minted["intents"]] == ["allowed", "user_side"]
    assert minted["intents"][1]["problem"] == "bob needs org role write in acme"


def test_compare(founding):
    world = hubperm.World.load("testdata/audit/world.yaml")
    minted = world.mint("alice", [{"operation": "create_commit", "repo": "acme/token-test-model"}], compare="alice-broad")
    assert minted["compare"]["broader"] is True
    assert minted["compare"]["excess"] == [{"type": "org", "entity": "acme", "whole_scope": True,
                                            "permissions": ["repo.content.read", "repo.write"]}]
    assert minted["compare"]["denied_intents"] == []


@pytest.mark.parametrize("kwargs,message", [
    ({"owner": "alcie"}, "unknown user 'alcie'"),
    ({"compare": "nobody"}, "unknown token 'nobody'"),
    ({"intents": [{"operation": "model_info", "repo": "acme/token-test-modl"}]}, "did you mean 'acme/token-test-model'"),
    ({"intents": [{"operation": "model_info", "token": "x"}]}, "token"),
])
def test_bad_requests_raise(founding, kwargs, message):
    args = {"owner": "alice", "intents": FOUNDING_INTENTS}
    args.update(kwargs)
    with pytest.raises(hubperm.RequestError) as e:
        founding.mint(**args)
    assert message in str(e.value)


def test_bad_arguments(founding):
    with pytest.raises(ValueError, match="the preferences are repo, group and org"):
        founding.mint("alice", FOUNDING_INTENTS, prefer="repos")
    with pytest.raises(TypeError, match="a list of requests"):
        founding.mint("alice", {"operation": "whoami"})

