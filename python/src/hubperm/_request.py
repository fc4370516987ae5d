"""A request as Python asks it (huggingface_hub's argument names) -> one line of hubperm's batch format.

The batch format (docs/batch-json.md) is the one spelling the engine reads from a program, so a request
asked from Python is decided exactly as `hubperm check --batch` decides the same line.
"""

import datetime
import difflib
import json
import urllib.parse

from ._errors import RequestError

# Keyword arguments -> the batch key they fill. huggingface_hub's names first; hubperm's own (the CLI's
# flags) are accepted as well, for the permission form, which no client method has.
_TARGET_KEYWORDS = {
    "repo_id": "repo",     # every HfApi method on a repo
    "from_id": "repo",     # move_repo(from_id, to_id), duplicate_space(from_id, to_id)
    "repo": "repo",
    "to_id": "to",
    "to": "to",
    "repo_type": "repo_type",
    "organization": "org",  # list_organization_members(organization), ...
    "org": "org",
    "user": "user",         # the permission form: a user's namespace
    "group": "group",       # a resource group, by name
    "exist_ok": "exist_ok",  # create_repo(exist_ok=True)
    "write": "write",       # auth_check(write=True)
}

# Accepted, and what they mean for the decision (see _commit_route).
_REVISION_KEYWORDS = ("revision", "create_pr")

KEYWORDS = sorted(list(_TARGET_KEYWORDS) + list(_REVISION_KEYWORDS))

_TYPE_SEGMENT = {None: "models", "model": "models", "dataset": "datasets", "space": "spaces"}


def moment_text(at):
    """`at` (None, a str, a datetime.date or datetime.datetime) as the engine reads it, or None."""
    if at is None or isinstance(at, str):
        return at
    if isinstance(at, datetime.datetime):
        if at.tzinfo is None:
            raise ValueError("at=%r has no time zone: give an aware datetime (datetime.timezone.utc)" % (at,))
        return at.astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    if isinstance(at, datetime.date):
        return at.isoformat()
    raise TypeError("at must be None, a str, a datetime.date or a datetime.datetime, not %s" % type(at).__name__)


def _body_value(body):
    if body is None or isinstance(body, (dict, str)):
        return body
    if isinstance(body, (bytes, bytearray)):
        try:
            return bytes(body).decode("utf-8")
        except UnicodeDecodeError as e:
            raise RequestError(["body is not UTF-8: %s" % e]) from None
    if isinstance(body, list):
        # A commit's NDJSON lines, as huggingface_hub builds them: one object per line.
        return "".join(json.dumps(item) + "\n" for item in body)
    raise TypeError("body must be a dict, a str, bytes or a list of dicts, not %s" % type(body).__name__)


def _commit_route(method, fields, revision, create_pr):
    """create_commit at a revision or as a pull request: the commit's HTTP request, where the engine sees
    both (a revision is a path segment, create_pr a query parameter)."""
    repo = fields.pop("repo", None)
    repo_type = fields.pop("repo_type", None)
    if repo is None:
        raise RequestError(["%s needs repo_id" % method])
    if fields:
        raise RequestError(["%s takes no %s" % (method, ", ".join(sorted(fields)))])
    if repo_type not in _TYPE_SEGMENT:
        raise RequestError(["repo_type=%r: the repo types are model, dataset and space" % (repo_type,)])
    route = "POST /api/%s/%s/commit/%s" % (
        _TYPE_SEGMENT[repo_type], repo, urllib.parse.quote(revision or "main", safe=""))
    if create_pr:
        route += "?create_pr=1"
    return {"http": route}


def request_line(token, method, http, body, content_type, permission, from_error, kwargs):
    """The batch line (a dict) for one request (without "token" when `token` is None: an intent); TypeError
    for an unknown keyword, RequestError for arguments that do not go together."""
    fields = {}
    given = {}
    for keyword, value in kwargs.items():
        if keyword in _REVISION_KEYWORDS:
            continue
        key = _TARGET_KEYWORDS.get(keyword)
        if key is None:
            near = difflib.get_close_matches(keyword, KEYWORDS + ["method", "http", "body", "content_type",
                                                                   "permission", "from_error", "at"], n=3)
            hint = ("; did you mean %s?" % ", ".join(near)) if near else ""
            raise TypeError("check() got an unexpected keyword argument %r%s (the request keywords: %s)" %
                            (keyword, hint, ", ".join(KEYWORDS)))
        if value is None or (value is False and key in ("exist_ok", "write")):
            continue  # huggingface_hub's defaults: the argument not given
        if key in given:
            raise TypeError("%s and %s name the same argument; give one" % (given[key], keyword))
        given[key] = keyword
        fields[key] = value
    forms = [name for name, value in (("method", method), ("http", http), ("permission", permission),
                                      ("from_error", from_error)) if value is not None]
    if len(forms) != 1:
        raise RequestError(["a request names exactly one of method, http, permission and from_error; got %s" %
                            (", ".join(forms) if forms else "none")])
    revision = kwargs.get("revision")
    create_pr = bool(kwargs.get("create_pr"))
    if (revision is not None or create_pr) and method != "create_commit":
        raise RequestError([
            "revision= and create_pr= are modeled for create_commit only (or ask the route itself with http=); "
            "hubperm decides %s on the repo, the same for every revision, so leave them out" % (method or forms[0])])
    line = {"token": token} if token is not None else {}
    if method is not None:
        if method == "create_commit" and (revision is not None or create_pr):
            line.update(_commit_route(method, fields, revision, create_pr))
            return line
        line["operation"] = method
    elif http is not None:
        line["http"] = http
        if body is not None:
            line["body"] = _body_value(body)
        if content_type is not None:
            line["content_type"] = content_type
    elif permission is not None:
        line["permission"] = permission
    else:
        line["from_error"] = from_error
    if http is None and (body is not None or content_type is not None):
        raise RequestError(["body and content_type go with http="])
    line.update(fields)
    return line
