"""A world is shared between threads: checks from many threads at once answer as one thread does, and the
engine runs without the GIL, so other Python threads go on while it works."""

import concurrent.futures
import threading
import time

import hubperm

from conftest import SPEC


MODELS = ("acme/private-model", "acme/public-model", "acme/gated-model", "ada/notes", "strict/m")


def requests(world):
    """Every token on a few operations of the spec world's repos and org."""
    out = []
    for token in world.tokens:
        for repo in MODELS:
            for method in ("model_info", "hf_hub_download", "create_commit", "delete_repo"):
                out.append((token, method, {"repo_id": repo}))
        out.append((token, None, {"permission": "repo.write", "organization": "acme"}))
    return out


def test_threads_answer_as_one_thread_does(spec):
    assert {spec.repos[m] for m in MODELS} == {"model"}
    assert spec.repos["acme/data"] == "dataset"
    asked = requests(spec)
    assert len(asked) > 200
    one = [spec.check(t, m, **k).to_dict() for t, m, k in asked]
    with concurrent.futures.ThreadPoolExecutor(max_workers=8) as pool:
        many = list(pool.map(lambda r: spec.check(r[0], r[1], **r[2]).to_dict(), asked * 3))
    assert many == one * 3
    assert {d["schema"] for d in one} >= {"hubperm.decision/v1", "hubperm.sequence/v1"}


def test_other_threads_run_while_the_engine_works(spec):
    lines = [{"token": t, "operation": m, "repo": k["repo_id"]} for t, m, k in requests(spec) if m] * 10
    done = threading.Event()
    spent = []

    def work():
        start = time.monotonic()
        spec.batch(lines)
        spent.append(time.monotonic() - start)
        done.set()

    worker = threading.Thread(target=work)
    gaps, last = [], time.monotonic()
    worker.start()
    while not done.is_set():
        now = time.monotonic()
        gaps.append(now - last)
        last = now
    worker.join()
    # The batch takes a while; had it held the GIL, this loop would have stopped for all of it.
    assert spent[0] > 0.2, "the batch is too short to tell (%.3f s)" % spent[0]
    assert max(gaps) < spent[0] / 2, "the main thread stopped for %.3f s of the batch's %.3f s" % (max(gaps), spent[0])
