"""A class asks for 8 different trainings at once: today's behaviour against the fair queue.

Eight threads (eight learners) call the one path to a result, ``mlp_lab.store.cached(train,
config)``, on a private in-memory ``ResultStore`` (no disk), each for a distinct configuration (the
book's MLP with 8 seeds). We time, from the common start, how long each learner waits for a result:

- today: every training starts at once and they share the cores;
- queue: at most ``default_slots()`` train at once (``mlp_lab.queue``), the rest wait in order;
- single: one training alone, the yardstick for the first learner's wait.

The queue mode goes through ``cached(..., queue=)``, as the pages do. Torch threads per training are
the app's (``configure_threads()``, ``MLP_LAB_THREADS``; on 2 cores 1, so 2 slots), the same in
every mode, and every training runs in a thread of its own, as a Streamlit session's does.

    MLP_LAB_DATA=/path/to/fashion-mnist python benchmarks/queue.py [--epochs 10] [--slots N]

The last line is the JSON the issue asks for. Goals: mean wait <= 0.6 x today's, the first result
within 1.5 x one training alone, the total no worse than today's.
"""

from __future__ import annotations

import sys
from pathlib import Path

# Run as ``python benchmarks/queue.py`` (a shim: see there). The project first on sys.path.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import argparse
import inspect
import json
import os
import statistics
import threading
import time
from collections.abc import Callable
from typing import Any

from mlp_lab import store as store_mod
from mlp_lab.data import load_fashion_mnist
from mlp_lab.device import configure_threads, describe, pick_device
from mlp_lab.queue import TrainingQueue, default_slots
from mlp_lab.store import ResultStore
from mlp_lab.training import TrainConfig, TrainResult, train

STORE_TAKES_QUEUE = "queue" in inspect.signature(store_mod.cached).parameters
_bench_queue: TrainingQueue | None = None  # the queue ``queued_train`` waits in (set per run)


def queued_train(config: TrainConfig, progress: Callable[[Any], object] | None = None) -> TrainResult:
    """WRAPPING (until the store takes a queue): ``train`` run only while holding a queue slot,
    passing its progress to the ticket so those behind get a pace-based estimate."""
    assert _bench_queue is not None
    with _bench_queue.slot() as ticket:

        def both(p: Any) -> bool:
            ticket.progress(getattr(p, "fraction", p))
            return bool(progress(p)) if progress is not None else False

        return train(config, progress=both)


def no_op(_: Any) -> bool:
    return False  # a page's progress bar: both modes report progress the same way


def fetch(config: TrainConfig, store: ResultStore, queue: TrainingQueue | None) -> TrainResult:
    """One learner's request through the store; with ``queue``, through the queue as well."""
    global _bench_queue
    if queue is None:
        return store_mod.cached(train, config, progress=no_op, store=store)
    if STORE_TAKES_QUEUE:
        return store_mod.cached(train, config, progress=no_op, store=store, queue=queue)
    _bench_queue = queue
    return store_mod.cached(queued_train, config, progress=no_op, store=store)


def together(configs: list[TrainConfig], queue: TrainingQueue | None) -> list[float]:
    """All learners ask at the same moment; seconds from that moment to each one's result."""
    store = ResultStore()  # private and memory-only: nothing cached from another mode or run
    start = threading.Barrier(len(configs) + 1)
    t0 = [0.0]
    waits = [0.0] * len(configs)
    errors: list[BaseException] = []

    def learner(i: int) -> None:
        start.wait()
        try:
            result = fetch(configs[i], store, queue)
            waits[i] = time.perf_counter() - t0[0]
            assert result.complete, "a training did not finish"
        except BaseException as exc:  # surface it in the main thread
            errors.append(exc)

    threads = [threading.Thread(target=learner, args=(i,)) for i in range(len(configs))]
    for t in threads:
        t.start()
    t0[0] = time.perf_counter()
    start.wait()
    for t in threads:
        t.join()
    if errors:
        raise errors[0]
    assert store.computations == len(configs)  # each learner trained its own configuration
    return waits


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--epochs", type=int, default=10, help="epochs per training (the issue measured 10)")
    parser.add_argument("--configs", type=int, default=8, help="distinct configurations requested together")
    parser.add_argument("--slots", type=int, default=0, help="queue slots (default: default_slots())")
    args = parser.parse_args()

    threads = configure_threads()
    device = pick_device()
    load_fashion_mnist(device)  # loaded once per process, as on a running server: not timed
    together([TrainConfig(epochs=1, seed=0)], None)  # a server's first training is slower (lazy set-up): not timed
    slots = args.slots or default_slots()
    configs = [TrainConfig(epochs=args.epochs, seed=seed) for seed in range(1, args.configs + 1)]
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    print(f"device {describe(device)}, {cores} cores, torch threads per training {threads}, queue slots {slots}")
    print(f"{args.configs} configurations of the book's MLP, {args.epochs} epochs, seeds 1..{args.configs}")
    print(f"queue mode: {'store.cached(queue=)' if STORE_TAKES_QUEUE else 'wrapping (queued_train)'}")

    # One learner in its own thread (as a Streamlit session is); the better of two tries, since a
    # lone run is the yardstick and noise from elsewhere would only loosen the "first" goal.
    single_s = min(together([TrainConfig(epochs=args.epochs, seed=0)], None)[0] for _ in range(2))
    print(f"one training alone: {single_s:.2f} s")

    today = sorted(together(configs, None))
    print(f"today (all at once): done in {today[-1]:.2f} s")
    queued = sorted(together(configs, TrainingQueue(slots)))
    print(f"queue ({slots} at once): done in {queued[-1]:.2f} s")

    print()
    print(f"{'result':>8} {'today s':>9} {'queue s':>9}")
    for k, (a, b) in enumerate(zip(today, queued, strict=True), 1):
        print(f"{k:>8} {a:>9.2f} {b:>9.2f}")
    today_mean, queue_mean = statistics.mean(today), statistics.mean(queued)
    print(f"{'mean':>8} {today_mean:>9.2f} {queue_mean:>9.2f}")
    print()
    goals = [
        (f"mean wait <= 0.6 x today's ({queue_mean:.2f} <= {0.6 * today_mean:.2f})", queue_mean <= 0.6 * today_mean),
        (f"first result <= 1.5 x alone ({queued[0]:.2f} <= {1.5 * single_s:.2f})", queued[0] <= 1.5 * single_s),
        (f"total no worse ({queued[-1]:.2f} <= {today[-1]:.2f})", queued[-1] <= today[-1]),
    ]
    for text, ok in goals:
        print(f"goal {'met' if ok else 'MISSED'}: {text}")
    print(
        json.dumps(
            {
                "configs": args.configs,
                "single_s": round(single_s, 2),
                "today_mean_s": round(today_mean, 2),
                "today_total_s": round(today[-1], 2),
                "queue_mean_s": round(queue_mean, 2),
                "queue_first_s": round(queued[0], 2),
                "queue_total_s": round(queued[-1], 2),
            }
        )
    )


if __name__ == "__main__":
    main()
