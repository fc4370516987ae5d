"""Shared by the suite: the fixtures' paths and their worlds. Tests run from the repository's root
(Bazel's runfiles), so paths are the repository's."""

import json
import os

import hubperm
import pytest

FOUNDING = "testdata/founding/world.yaml"
SPEC = "testdata/spec/world.yaml"
SEQUENCES = "testdata/sequences/world.yaml"
FOUNDING_BODY = {"type": "model", "name": "whatever_you_want", "organization": "acme"}


def golden(name):
    with open(os.path.join("testdata/golden", name), encoding="utf-8") as f:
        return f.read()


def golden_json(name):
    return json.loads(golden(name))


@pytest.fixture(scope="session")
def founding():
    return hubperm.World.load(FOUNDING)


@pytest.fixture(scope="session")
def spec():
    return hubperm.World.load(SPEC)


@pytest.fixture(scope="session")
def sequences():
    return hubperm.World.load(SEQUENCES)
