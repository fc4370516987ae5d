"""A decision, as Python reads it: the verdict, each side's reason with its position, the Hub's answer,
the fixes and the assumptions, over the documented JSON (docs/explanation-json.md), which to_dict()
returns whole."""

import collections
import copy

# Where a fact is written in the fixtures: file, line and column (from 1).
Position = collections.namedtuple("Position", ["file", "line", "column"])

# What one side (user, token or policy) says, and why: `text` is the reason in words, `at` where the fact
# that decided is written (None when no fact did), `data` the side's whole JSON object.
Reason = collections.namedtuple("Reason", ["side", "allowed", "text", "at", "assumed", "data"])

SIDES = ("user", "token", "policy")


def _position(at):
    return None if at is None else Position(at["file"], at["line"], at["column"])


class Decision:
    """The answer to one request.

    verdict      "allow", "deny" or "not_modeled" (a route hubperm does not model: allowed is None)
    allowed      whether the Hub would let the request (for a client method of several requests: the call)
    status       the HTTP status the Hub answers (the client's error for a method of several requests)
    denied_by    the sides that deny, in the order user, token, policy: ["token"]
    reasons      each side's Reason, in that order
    sides        the same, by side: decision.sides["token"].text
    message      what the Hub answers, in words ("403 You don't have the rights to ...")
    fixes        each fix in words: "add repo.write scoped to org acme to token limited-test-token"
    assumptions  the [assumed] rules the decision rests on, in words
    line         what `hubperm check` prints: "DENY 403 (token): ..."
    steps        for a client method of several requests, each step's JSON (docs/sequence-json.md); else []
    str(d)       what `hubperm explain` prints; d.to_dict() what `hubperm check --format json` prints
    """

    def __init__(self, answer, explain):
        self._answer = answer
        self._result = answer["result"]
        self._explain = explain  # () -> the explanation's text, computed when first asked
        self._explanation = None
        self.verdict = answer["verdict"]
        self.line = answer["text"]
        schema = self._result["schema"]
        decision = None
        self.steps = []
        if schema == "hubperm.decision/v1":
            decision = self._result
        elif schema == "hubperm.from_error/v1":
            decision = self._result["decision"]
        elif schema == "hubperm.sequence/v1":
            self.steps = self._result["steps"]
            step = self._result["deciding_step"]
            decision = self.steps[step - 1]["decision"] if step else None
        self._decision = decision
        if schema == "hubperm.unmodeled/v1":
            self.allowed = None
            self.status = None
        else:
            self.allowed = self._result["allowed"] if "allowed" in self._result else decision["allowed"]
            self.status = self._result["status"] if "status" in self._result else decision["status"]
        if decision is not None:
            self.reasons = [Reason(side, decision["sides"][side]["allowed"], decision["sides"][side]["text"],
                                   _position(decision["sides"][side]["at"]), decision["sides"][side]["assumed"],
                                   decision["sides"][side]) for side in SIDES]
            self.denied_by = list(decision["denied_by"]) if not self.allowed else []
            self.message = decision["reply"]["text"]
            self.fixes = [fix["text"] for fix in decision["fixes"]]
            self.assumptions = list(decision["assumptions"])
        else:
            self.reasons = []
            self.denied_by = []
            self.message = self._result.get("reason", "") if self.allowed is None else ""
            self.fixes = []
            self.assumptions = []
        self.sides = {reason.side: reason for reason in self.reasons}

    def to_dict(self):
        """The documented JSON of `hubperm check --format json`, as plain Python objects (a copy)."""
        return copy.deepcopy(self._result)

    def __str__(self):
        if self._explanation is None:
            self._explanation = self._explain()
        return self._explanation

    def __repr__(self):
        return "<hubperm.Decision %s>" % self.line.split("\n")[-1][:120]
