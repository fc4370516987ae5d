# The founding scenario, pinned with pytest: the README's example ("Python").
import hubperm
import pytest


@pytest.fixture(scope="module")
def world():
    return hubperm.World.load("testdata/founding/world.yaml")


def test_alice_may_write_the_groups_model_but_her_token_may_not_create_in_acme(world):
    hubperm.assert_denied(world, "limited-test-token", "create_repo", repo_id="acme/new-model",
                          status=403, denied_by="token")


def test_the_fix_is_repo_write_on_the_org(world):
    decision = world.check("limited-test-token", "create_repo", repo_id="acme/new-model")
    assert decision.sides["user"].allowed
    assert decision.fixes == ["add repo.write scoped to org acme to token limited-test-token"]
