"""The founding scenario from Python, cell by cell (run it as a script, or paste the cells into a
notebook). From the repository's root, after `bazel build --config=opt //python:hubperm`:

    PYTHONPATH=bazel-bin/python python3 examples/python/founding.py
"""

# %% Load the world once: fixtures are validated and compiled; a bad one raises hubperm.FixtureError.
import hubperm

world = hubperm.World.load("testdata/founding/world.yaml")
print("tokens:", ", ".join(world.tokens))

# %% Alice's token tries to create a model in acme, as huggingface_hub's create_repo would.
decision = world.check("limited-test-token", "create_repo", repo_id="acme/new-model")
print(decision.line)
print("allowed:", decision.allowed, "| status:", decision.status, "| denied by:", decision.denied_by)

# %% Each side's reason, and where in the fixtures the fact that decided is written.
for reason in decision.reasons:
    where = "%s:%d:%d" % reason.at if reason.at else "no fact"
    print("%-6s %-5s %s  [%s]" % (reason.side, "yes" if reason.allowed else "NO", reason.text, where))

# %% What the Hub would answer, and what to change so that it works.
print(decision.message)
for fix in decision.fixes:
    print("fix:", fix)

# %% The same request as the HTTP call the client sends, and as the permission it needs: the same answer.
http = world.check("limited-test-token", http="POST /api/repos/create",
                   body={"type": "model", "name": "new-model", "organization": "acme"})
permission = world.check("limited-test-token", permission="repo.write", organization="acme")
print("same verdict in every form:", http.line == decision.line == permission.line)

# %% The whole explanation, as `hubperm explain` prints it.
print(decision)

# %% A batch: many requests, one call.
for answer in world.batch([
        {"id": "info", "token": "limited-test-token", "operation": "model_info", "repo": "acme/token-test-model"},
        {"id": "whoami", "token": "limited-test-token", "operation": "whoami"}]):
    print(answer["id"], answer["verdict"], answer["result"]["status"])

# %% The world's own cases, and the audit's findings.
report = world.test()
print("cases: %d passed, %d failed" % (report["passed"], report["failed"]))
for finding in world.audit()["findings"]:
    print("finding:", finding["severity"], finding["kind"], "-", finding["summary"])
