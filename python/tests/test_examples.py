"""The examples run as written: examples/python/founding.py (the notebook-style script) and
examples/python/test_founding.py, which the README's "Python" section shows verbatim."""

import os
import subprocess
import sys


def run(args):
    return subprocess.run([sys.executable] + args, capture_output=True, text=True, timeout=300, env=os.environ)


def test_the_notebook_script_runs_and_tells_the_founding_story():
    r = run(["examples/python/founding.py"])
    assert r.returncode == 0, r.stderr
    assert r.stderr == ""
    lines = r.stdout.splitlines()
    assert lines[0] == "tokens: limited-test-token"
    assert lines[1].startswith("DENY 403 (token): token limited-test-token lacks repo.write on a new model in org acme")
    assert "allowed: False | status: 403 | denied by: ['token']" in lines
    assert "fix: add repo.write scoped to org acme to token limited-test-token" in lines
    assert "same verdict in every form: True" in lines
    assert "cases: 7 passed, 0 failed" in lines


def test_the_readmes_pytest_example_passes_and_is_the_one_shown():
    r = run(["-m", "pytest", "-p", "no:cacheprovider", "-q", "examples/python/test_founding.py"])
    assert r.returncode == 0, r.stdout + r.stderr
    assert "2 passed" in r.stdout
    with open("examples/python/test_founding.py", encoding="utf-8") as f:
        example = f.read()
    with open("README.md", encoding="utf-8") as f:
        readme = f.read()
    assert "```python\n" + example + "```" in readme
