"""The founding scenario in every request form: alice may write acme's group model, her fine-grained token
names neither it nor the org, so creating a model in acme is denied by the token side, with a 403, and
the fix is repo.write on the org."""

import hubperm
import pytest

from conftest import FOUNDING_BODY, golden

CREATE_LINE = golden("founding_check.txt").rstrip("\n")

# Every form that asks for the founding request: (label, positional method, keywords).
CREATE_FORMS = [
    ("method", "create_repo", {"repo_id": "acme/whatever_you_want"}),
    ("method with repo_type", "create_repo", {"repo_id": "acme/whatever_you_want", "repo_type": "model"}),
    ("http, body as a dict", None, {"http": "POST /api/repos/create", "body": FOUNDING_BODY}),
    ("http, body as JSON text", None, {"http": "POST /api/repos/create",
                                       "body": '{"type": "model", "name": "whatever_you_want", "organization": "acme"}'}),
    ("http, body as YAML text", None, {"http": "POST /api/repos/create",
                                       "body": "type: model\nname: whatever_you_want\norganization: acme\n"}),
    ("http, body as bytes", None, {"http": "POST /api/repos/create",
                                   "body": b'{"type": "model", "name": "whatever_you_want", "organization": "acme"}'}),
    ("http, a full URL", None, {"http": "POST https://huggingface.co/api/repos/create", "body": FOUNDING_BODY}),
    ("permission, organization=", None, {"permission": "repo.write", "organization": "acme"}),
    ("permission, org=", None, {"permission": "repo.write", "org": "acme"}),
]


@pytest.mark.parametrize("label,method,kwargs", CREATE_FORMS, ids=[f[0] for f in CREATE_FORMS])
def test_create_in_acme_is_denied_by_the_token_in_every_form(founding, label, method, kwargs):
    d = founding.check("limited-test-token", method, **kwargs)
    assert d.verdict == "deny"
    assert d.allowed is False
    assert d.status == 403
    assert d.denied_by == ["token"]
    assert d.sides["user"].allowed and d.sides["policy"].allowed and not d.sides["token"].allowed
    assert d.fixes == ["add repo.write scoped to org acme to token limited-test-token"]
    assert d.line == CREATE_LINE
    assert d.message == "403 You don't have the rights to create a model under the namespace \"acme\"."
    hubperm.assert_denied(founding, "limited-test-token", method, status=403, denied_by="token", **kwargs)


def test_the_user_sides_reason_is_the_group_role_where_it_is_written(founding):
    d = founding.check("limited-test-token", "create_repo", repo_id="acme/whatever_you_want")
    user = d.sides["user"]
    assert user.at == hubperm.Position("testdata/founding/world.yaml", 12, 26)
    assert user.data["basis"] == "best_group_role"
    assert user.assumed is True
    assert [r.side for r in d.reasons] == ["user", "token", "policy"]
    assert d.reasons[1].at is None  # no permission of the token covers it: no fact decided
    assert "what create_repo requires of the user or the token is assumed (§6)" in d.assumptions


def test_pasted_error_is_compared_with_the_worlds_answer(founding):
    d = founding.check("limited-test-token", from_error=(
        "403 Forbidden: You don't have the rights to create a model under the namespace \"acme\". "
        "Cannot access content at: https://huggingface.co/api/repos/create."))
    result = d.to_dict()
    assert result["schema"] == "hubperm.from_error/v1"
    assert result["agrees"] is True
    assert d.allowed is False and d.status == 403 and d.denied_by == ["token"]


def test_the_commit_to_the_groups_private_model_is_hidden_from_the_token(founding):
    d = founding.check("limited-test-token", "create_commit", repo_id="acme/token-test-model")
    assert (d.allowed, d.status, d.denied_by) == (False, 404, ["token"])
    assert d.sides["user"].allowed


def test_create_repo_exist_ok_is_decided_as_the_client_runs_it(founding):
    d = founding.check("limited-test-token", "create_repo", repo_id="acme/whatever_you_want", exist_ok=True)
    result = d.to_dict()
    assert result["schema"] == "hubperm.sequence/v1"
    assert result["method"] == "create_repo(exist_ok=True)"
    assert d.steps == result["steps"] and len(d.steps) >= 2
    assert d.allowed is False and d.status == result["status"]
    assert d.denied_by  # from the step that decided


def test_create_pr_and_revision_reach_the_commit_route(founding):
    pr = founding.check("limited-test-token", "create_commit", repo_id="acme/token-test-model", create_pr=True)
    assert pr.to_dict()["operation"] == "create_pull_request"
    assert pr.to_dict()["asked_as"]["route"] == "POST /api/models/{namespace}/{repo}/commit/{rev}"
    on_pr = founding.check("limited-test-token", "create_commit", repo_id="acme/token-test-model",
                           revision="refs/pr/1")
    assert on_pr.to_dict()["schema"] == "hubperm.decision/v1"
    assert on_pr.to_dict()["operation"] == "create_commit"
    # Without them, create_commit is decided as the client runs it: preupload, LFS, then the commit.
    plain = founding.check("limited-test-token", "create_commit", repo_id="acme/token-test-model")
    assert plain.to_dict()["schema"] == "hubperm.sequence/v1"
    assert plain.steps[-1]["request"] == "POST /api/models/acme/token-test-model/commit/main"
    assert (on_pr.allowed, on_pr.status) == (False, 404)


def test_assert_allowed_fails_with_the_whole_explanation(founding):
    with pytest.raises(AssertionError) as e:
        hubperm.assert_allowed(founding, "limited-test-token", "create_repo", repo_id="acme/whatever_you_want")
    message = str(e.value)
    assert message.startswith("expected ALLOW, got DENY 403 (token)")
    assert golden("founding_explain.txt").rstrip("\n") in message


def test_assert_denied_names_what_did_not_hold(founding):
    with pytest.raises(AssertionError) as e:
        hubperm.assert_denied(founding, "limited-test-token", "create_repo", repo_id="acme/x", status=404,
                              denied_by=["user", "token"])
    assert "expected status 404, got 403" in str(e.value)
    assert "expected denied by ['user', 'token'], got ['token']" in str(e.value)
    with pytest.raises(AssertionError, match="expected DENY, got ALLOW"):
        hubperm.assert_denied(founding, "limited-test-token", "whoami")
    assert hubperm.assert_allowed(founding, "limited-test-token", "whoami").status == 200
