"""A world: fixtures loaded, validated and compiled once; every question is a call on it."""

import gc
import json
import os

from . import _hubperm
from ._decision import Decision
from ._errors import FixtureError, Issue, RequestError
from ._request import moment_text, request_line


def _loaded(outcome):
    engine, issues_json, issues_text = outcome
    report = json.loads(issues_json)
    issues = [Issue(i["at"]["file"] if i["at"] else None, i["at"]["line"] if i["at"] else None,
                    i["at"]["column"] if i["at"] else None, i["severity"], i["message"]) for i in report["issues"]]
    if engine is None:
        raise FixtureError(issues, issues_text, report["errors"], report["warnings"])
    return engine, issues


def _answers(text):
    # The answers are many small dicts built at once: the cyclic collector, which they cannot feed (JSON
    # has no cycles), would otherwise rescan every one of them again and again (3 times slower on M).
    collecting = gc.isenabled()
    gc.disable()
    try:
        return [json.loads(line) for line in text.splitlines() if line]
    finally:
        if collecting:
            gc.enable()


class World:
    """An immutable, compiled world. Safe to share between threads: checks release the GIL.

        world = hubperm.World.load("testdata/founding/world.yaml")
        decision = world.check("limited-test-token", method="create_repo", repo_id="acme/new-model")
        decision.allowed, decision.status, decision.denied_by   # False, 403, ['token']
        print(decision)                                         # the full explanation
    """

    def __init__(self, engine, files, warnings):
        self._engine = engine
        self.files = tuple(files)      # the fixture files, as given (or the texts' names)
        self.warnings = warnings       # the loader's warnings: Issue tuples

    @classmethod
    def load(cls, *paths, max_issues=_hubperm.DEFAULT_MAX_ISSUES, max_checks=_hubperm.DEFAULT_MAX_CHECKS):
        """Loads fixture files as one world; raises FixtureError with every issue when they have errors."""
        if not paths:
            raise TypeError("World.load needs at least one fixture file")
        names = [os.fspath(p) for p in paths]
        engine, issues = _loaded(_hubperm.load(names, max_issues, max_checks))
        return cls(engine, names, issues)

    @classmethod
    def from_yaml(cls, text, name="<string>", max_issues=_hubperm.DEFAULT_MAX_ISSUES,
                  max_checks=_hubperm.DEFAULT_MAX_CHECKS):
        """A world from one fixture's text; issues are positioned in `name`."""
        return cls.from_texts({name: text}, max_issues=max_issues, max_checks=max_checks)

    @classmethod
    def from_texts(cls, texts, max_issues=_hubperm.DEFAULT_MAX_ISSUES, max_checks=_hubperm.DEFAULT_MAX_CHECKS):
        """A world from several fixtures' texts: a dict (or pairs) of name -> YAML text."""
        pairs = list(texts.items()) if isinstance(texts, dict) else list(texts)
        for name, text in pairs:
            if not isinstance(name, str) or not isinstance(text, str):
                raise TypeError("from_texts takes names and YAML texts as str")
        engine, issues = _loaded(_hubperm.load_texts(pairs, max_issues, max_checks))
        return cls(engine, [name for name, _ in pairs], issues)

    @property
    def tokens(self):
        """The names of the world's tokens, in the fixtures' order."""
        return self._engine.token_names()

    @property
    def repos(self):
        """The world's repos: a dict of id (NS/NAME) -> type ("model", "dataset" or "space"), in the
        fixtures' order."""
        return dict(self._engine.repos())

    def check(self, token, method=None, *, http=None, body=None, content_type=None, permission=None,
              from_error=None, at=None, **kwargs):
        """Would `token` be allowed? One request in any of hubperm's forms:

            world.check(tok, "upload_folder", repo_id="acme/m")                 # a huggingface_hub method
            world.check(tok, "create_commit", repo_id="acme/m", create_pr=True)
            world.check(tok, http="POST /api/repos/create", body={"type": "model", "name": "m", "organization": "acme"})
            world.check(tok, permission="repo.write", repo_id="acme/m")
            world.check(tok, from_error="403 Forbidden: ... Cannot access content at: https://...")

        Keywords are huggingface_hub's (repo_id, repo_type, from_id, to_id, organization, exist_ok, write,
        revision, create_pr) and hubperm's (repo, org, user, group, to). A method the client runs as several
        requests (upload_folder, create_commit, ...) is decided step by step, as the client runs it;
        create_commit with revision= or create_pr=True is decided as its commit request, whose route carries
        them (the other methods take neither: their access does not depend on the revision). `at` is the moment (a str in RFC
        3339 or a date, or a datetime; default now). Returns a Decision; raises RequestError for a request
        the world cannot answer (an unknown token, method or repo: the message names the nearest).
        """
        if not isinstance(token, str):
            raise TypeError("token must be the token's name (a str), not %s" % type(token).__name__)
        line = request_line(token, method, http, body, content_type, permission, from_error, kwargs)
        moment = moment_text(at)
        text = json.dumps(line)  # one line of ASCII: every other character escaped
        answer_json, _ = self._engine.answer(text, False, moment)
        answer = json.loads(answer_json)
        if answer["verdict"] == "error":
            raise RequestError([e["message"] for e in answer["errors"]])
        return Decision(answer, lambda: json.loads(self._engine.answer(text, True, moment)[0])["text"])

    def explain(self, token, method=None, **kwargs):
        """check(), returning the explanation's text (what `hubperm explain` prints)."""
        return str(self.check(token, method, **kwargs))

    def batch(self, requests, explain=False, at=None, name="batch"):
        """Many requests at once (one call, the GIL released throughout): each a dict of the batch format's
        keys (docs/batch-json.md: token, operation, http, body, repo, ...), or a JSON line. Returns the
        answers (dicts, hubperm.batch/v1), in order; a bad request's answer has verdict "error" and its
        errors (positioned name:line:column), and the others are still answered."""
        lines = []
        for request in requests:
            line = request if isinstance(request, str) else json.dumps(request)
            if "\n" in line:
                raise ValueError("a batch request is one line: %r" % line[:80])
            lines.append(line)
        # A str that is not UTF-8 (a lone surrogate) goes as the bytes it holds: that line is answered
        # with an error, as a batch file's would be.
        text = ("\n".join(lines) + "\n").encode("utf-8", "surrogatepass")
        out, _, _, _ = self._engine.batch(text, name, explain, moment_text(at))
        return _answers(out)

    def mint(self, owner, intents, prefer="repo", name="", compare=None, at=None):
        """The smallest fine-grained token for `owner` under which every intent is allowed (docs/mint.md):
        `intents` is a list of requests, each a dict of an intents file's keys ({"operation":
        "create_repo", "repo": "acme/m"}, {"http": ..., "body": ...}, {"permission": ..., "org": ...}).
        `prefer` is "repo", "group" or "org"; `compare` names a token of the world to compare with.

        Returns the JSON of `hubperm mint --format json` (hubperm.mint/v1) as a dict: "fixture" is the
        token to paste, "scopes" each permission with the intents that need it, "ok" false when an intent
        no token can allow is among them (its "problem" says why). Raises RequestError for an intent that
        does not resolve, an unknown owner or compared token."""
        if isinstance(intents, (str, bytes, dict)):
            raise TypeError("intents is a list of requests (dicts)")
        text = json.dumps(list(intents))
        result, errors = self._engine.mint(owner, text, prefer, name, compare, moment_text(at))
        if errors:
            raise RequestError(errors)
        return json.loads(result)

    def who_can(self, method=None, *, http=None, body=None, content_type=None, permission=None, from_error=None,
                level=None, **kwargs):
        """Who may make a request (docs/who-can.md)? Asked as check() asks it, without a token; or
        level="see"|"read"|"write" with repo_id. Returns the JSON of `hubperm who-can --format json`
        (hubperm.who_can/v1) as a dict: "allowed" and "denied" tokens (each with "owner", "status",
        "denied_by"), and the "users" whose user side allows it."""
        if level is not None:
            level_method = _hubperm.level_method(level) if isinstance(level, str) else None
            if level_method is None:
                raise ValueError("level=%r: the levels are see, read and write" % (level,))
            if method is not None or http is not None or permission is not None or from_error is not None:
                raise RequestError(["level= is a request of its own: give it with repo_id, without another form"])
            method = level_method
        line = request_line(None, method, http, body, content_type, permission, from_error, kwargs)
        result, errors = self._engine.who_can(json.dumps([line]))
        if errors:
            raise RequestError(errors)
        return json.loads(result)

    def audit(self, at=None, expiring_within_days=30, older_than_days=365, jobs=0):
        """Every token's effective access and findings: the audit's JSON (hubperm.audit/v1, docs/audit-json.md)."""
        report, _ = self._engine.audit("json", moment_text(at), expiring_within_days, older_than_days, jobs)
        return json.loads(report)

    def audit_text(self, at=None, expiring_within_days=30, older_than_days=365, jobs=0, format="text"):
        """The audit as `hubperm audit` prints it: format "text" or "html"."""
        report, _ = self._engine.audit(format, moment_text(at), expiring_within_days, older_than_days, jobs)
        return report

    def test(self, filter="", coverage=False, at=None):
        """Runs the world's cases (those `filter` selects, a glob): the report as JSON (hubperm.test/v1,
        docs/test-json.md), each check's result under "checks": "pass", "fail", or "invalid" for a check
        whose request does not resolve (its "failure" says why)."""
        return json.loads(self._engine.test("json", filter, coverage, moment_text(at), list(self.files))[0])

    def test_text(self, filter="", coverage=False, at=None):
        """The test report as `hubperm test` prints it."""
        return self._engine.test("text", filter, coverage, moment_text(at), list(self.files))[0]
