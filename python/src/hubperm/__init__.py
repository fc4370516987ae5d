"""hubperm: would this Hugging Face Hub token be allowed to do this? Offline, exactly, with the reasons.

    import hubperm
    world = hubperm.World.load("testdata/founding/world.yaml")
    d = world.check("limited-test-token", "create_repo", repo_id="acme/new-model")
    d.allowed, d.status, d.denied_by, d.fixes
    print(d)                      # what `hubperm explain` prints
    hubperm.assert_allowed(world, "limited-test-token", "create_commit", repo_id="acme/token-test-model")

The engine is hubperm's C++ library (policy/hubperm.h); every answer is the one the CLI gives.
"""

from ._decision import Decision, Position, Reason
from ._errors import FixtureError, HubpermError, Issue, RequestError
from ._world import World

__all__ = ["Decision", "FixtureError", "HubpermError", "Issue", "Position", "Reason", "RequestError", "World",
           "assert_allowed", "assert_denied"]


def assert_allowed(world, token, method=None, **request):
    """Fails (AssertionError, with the full explanation) unless the request is allowed. Returns the Decision."""
    decision = world.check(token, method, **request)
    if decision.allowed is not True:
        raise AssertionError("expected ALLOW, got %s\n\n%s" % (decision.line.split("\n")[-1], decision))
    return decision


def assert_denied(world, token, method=None, *, status=None, denied_by=None, **request):
    """Fails (AssertionError, with the full explanation) unless the request is denied, with `status` and by
    exactly the sides `denied_by` (a side name or a list of them) when given. Returns the Decision."""
    decision = world.check(token, method, **request)
    problems = []
    if decision.allowed is not False:
        problems.append("expected DENY, got %s" % decision.line.split("\n")[-1])
    if status is not None and decision.status != status:
        problems.append("expected status %d, got %s" % (status, decision.status))
    if denied_by is not None:
        expected = [denied_by] if isinstance(denied_by, str) else list(denied_by)
        if decision.denied_by != expected:
            problems.append("expected denied by %s, got %s" % (expected, decision.denied_by))
    if problems:
        raise AssertionError("%s\n\n%s" % ("; ".join(problems), decision))
    return decision
