"""World.who_can: who may make a request, as `hubperm who-can --format json` answers."""

import hubperm
import pytest

from conftest import golden_json


def test_who_can_matches_the_cli_golden():
    world = hubperm.World.load("testdata/audit/world.yaml")
    who = world.who_can(level="read", repo_id="acme/eval-set", repo_type="dataset")
    expected = golden_json("who_can_read.json")
    assert who["allowed"] == expected["allowed"] and who["denied"] == expected["denied"]
    assert who["users"] == expected["users"]
    commit = world.who_can("create_commit", repo_id="acme/token-test-model")
    assert [t["token"] for t in commit["allowed"]] == ["alice-broad", "alice-dead", "dave-admin"]
    assert commit["users"] == ["alice", "dave"]
    with pytest.raises(hubperm.RequestError, match="did you mean"):
        world.who_can("model_info", repo_id="acme/model-x")
    with pytest.raises(ValueError, match="the levels are see, read and write"):
        world.who_can(level="admin", repo_id="acme/model-a")
