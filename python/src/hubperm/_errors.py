"""The exceptions hubperm raises: each carries what went wrong as data and as a message."""

import collections

# One problem of a fixture file: where it is (file, line and column, from 1) and what is wrong.
Issue = collections.namedtuple("Issue", ["file", "line", "column", "severity", "message"])


class HubpermError(Exception):
    """The base of every hubperm error."""


class FixtureError(HubpermError):
    """Fixture files with errors: no world was loaded.

    `issues` lists every problem (errors and warnings) in the order `hubperm validate` prints them;
    `text` is that report (file:line:col: message, the line and a caret), also the exception's message.
    """

    def __init__(self, issues, text, errors, warnings):
        self.issues = list(issues)
        self.text = text
        self.errors = errors
        self.warnings = warnings
        super().__init__(text.rstrip("\n") or "the fixtures have errors")


class RequestError(HubpermError, ValueError):
    """A request that does not make sense against the world: an unknown token, method, repo or route, an
    argument the form does not take. `messages` lists every problem; the message joins them."""

    def __init__(self, messages):
        self.messages = list(messages)
        super().__init__("; ".join(self.messages))
