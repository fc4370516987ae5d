#!/usr/bin/env python3
# Copyright 2026 The hubperm Authors.
#
# testdata/org/response_schema_test.py: every sample response of an org directory (the layout of
# docs/org-import.md) is valid against the response schema the Hub's OpenAPI description publishes for
# its route, checked with a JSON Schema validator (Debian's python3-jsonschema, draft 2020-12). So the
# importer is built on the Hub's shapes, not on guesses.
#
# usage: response_schema_test.py OPENAPI.json ORG_DIR...
#
# Two routes need a word:
#   - GET /api/{models,datasets,spaces}/{id} (the per-repo info the gating is read from) is not in the
#     OpenAPI description. Its `private` and `gated` fields are checked against the schema of the same
#     fields in the repo settings route (PUT /api/{type}s/{namespace}/{repo}/settings), and `_id` and
#     `id` against the forms every other route uses.
#   - GET /api/organizations/{name}/resource-groups: the published item schema lists "repos" as required
#     but has no such property and forbids additional ones, so no response can satisfy it. The check
#     drops "repos" from `required` (and asserts that the contradiction is still there, so the day the
#     description is fixed this test says so).

import json
import os
import re
import sys

import jsonschema

ROUTES = [
    # (pattern of a file's path inside the directory, OpenAPI path, the path parameters' check)
    (r"api/organizations/([^/]+)/members/page-[1-9][0-9]*\.json", "/api/organizations/{name}/members"),
    (r"api/organizations/([^/]+)/resource-groups/page-[1-9][0-9]*\.json", "/api/organizations/{name}/resource-groups"),
    (r"api/organizations/([^/]+)/settings/repositories/page-[1-9][0-9]*\.json",
     "/api/organizations/{name}/settings/repositories"),
    (r"api/organizations/([^/]+)/service-accounts/page-[1-9][0-9]*\.json", "/api/organizations/{name}/service-accounts"),
    (r"api/organizations/([^/]+)/service-accounts/[0-9a-f]{24}\.json",
     "/api/organizations/{name}/service-accounts/{serviceAccountId}"),
    (r"api/whoami-v2/[^/]+\.json", "/api/whoami-v2"),
    (r"api/(models|datasets|spaces)/[^/]+/[^/]+\.json", None),  # repo info: see above
]


def response_schema(openapi, path):
    return openapi["paths"][path]["get"]["responses"]["200"]["content"]["application/json"]["schema"]


def validator(openapi, schema):
    # The response schemas refer to #/components/...: resolve them in the whole description.
    resolver = jsonschema.RefResolver.from_schema(openapi)
    return jsonschema.Draft202012Validator(schema, resolver=resolver)


def main(argv):
    openapi_path, dirs = argv[1], argv[2:]
    with open(openapi_path, encoding="utf-8") as f:
        openapi = json.load(f)
    failures = 0
    checked = 0

    groups = response_schema(openapi, "/api/organizations/{name}/resource-groups")
    item = groups["items"]
    contradiction = "repos" in item["required"] and "repos" not in item["properties"] and item["additionalProperties"] is False
    if not contradiction:
        print("the resource-groups schema no longer requires 'repos' without allowing it: remove the patch below")
        failures += 1
    patched_groups = json.loads(json.dumps(groups))
    patched_groups["items"]["required"] = [k for k in item["required"] if k != "repos"]

    settings = openapi["paths"]["/api/models/{namespace}/{repo}/settings"]["put"]
    settings_props = settings["responses"]["200"]["content"]["application/json"]["schema"]["properties"]
    repo_info_schema = {
        "type": "object",
        "properties": {
            "_id": {"type": "string", "pattern": "^[0-9a-f]{24}$"},
            "id": {"type": "string"},
            "private": settings_props["private"],
            "gated": settings_props["gated"],
        },
        "required": ["_id", "id", "private"],
    }

    for root_dir in dirs:
        for base, _, names in os.walk(root_dir):
            for name in sorted(names):
                full = os.path.join(base, name)
                rel = os.path.relpath(full, root_dir).replace(os.sep, "/")
                for pattern, route in ROUTES:
                    if re.fullmatch(pattern, rel):
                        break
                else:
                    print(f"FAIL {rel}: not a file of the layout")
                    failures += 1
                    continue
                with open(full, encoding="utf-8") as f:
                    instance = json.load(f)
                if route is None:
                    schema = repo_info_schema
                elif route == "/api/organizations/{name}/resource-groups":
                    schema = patched_groups
                else:
                    schema = response_schema(openapi, route)
                errors = sorted(validator(openapi, schema).iter_errors(instance), key=lambda e: list(e.path))
                checked += 1
                if errors:
                    failures += 1
                    for e in errors[:5]:
                        # An anyOf's own message is the whole instance: show its deepest alternatives' errors.
                        causes = sorted(e.context, key=lambda c: -len(c.absolute_path))[:3] or [e]
                        for c in causes:
                            where = "/".join(map(str, c.absolute_path)) or "(root)"
                            print(f"FAIL {rel}: at {where}: {c.message[:300]}")
                else:
                    print(f"ok   {rel} ({route or 'repo info'})")
    if checked == 0:
        print("FAIL no response found")
        failures += 1
    print(f"{checked} responses checked, {failures} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
