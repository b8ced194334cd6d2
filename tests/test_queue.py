"""The fair training queue: a cap on trainings at once, strict arrival order, place and a
counting-down estimate, served-while-waiting, and leaving on Stop. Fake trainings (events and
short sleeps) stand in for real ones, so the whole file runs in a few seconds."""

from __future__ import annotations

import itertools
import threading
import time
from collections.abc import Callable

import pytest
import torch

from mlp_lab import device
from mlp_lab import queue as q_mod
from mlp_lab.queue import TrainingQueue, default_slots, shared_queue

TIMEOUT = 10.0  # seconds; a hung queue fails the test instead of hanging the suite


@pytest.fixture(autouse=True)
def fast_reports(monkeypatch) -> None:
    monkeypatch.setattr(q_mod, "REPORT_EVERY", 0.01)  # the real half second would make tests slow


def wait_until(cond: Callable[[], bool], timeout: float = TIMEOUT) -> None:
    end = time.monotonic() + timeout
    while not cond():
        assert time.monotonic() < end, "timed out"
        time.sleep(0.002)


def start(target: Callable[[], None]) -> threading.Thread:
    thread = threading.Thread(target=target, daemon=True)
    thread.start()
    return thread


def join_all(threads: list[threading.Thread]) -> None:
    """Join with one deadline for all, and fail (not hang) if any is still stuck in the queue."""
    end = time.monotonic() + TIMEOUT
    for t in threads:
        t.join(max(end - time.monotonic(), 0.0))
    assert not any(t.is_alive() for t in threads), "a visitor is stuck in the queue"


class FakeClock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def hold(queue: TrainingQueue, release: threading.Event, **kw) -> threading.Thread:
    """A fake training that holds a slot until ``release`` is set; returns once it holds one."""
    before = queue.running

    def run() -> None:
        with queue.slot(**kw) as mine:
            assert mine
            release.wait(TIMEOUT)

    thread = start(run)
    wait_until(lambda: queue.running > before)
    return thread


def peak_concurrency(queue: TrainingQueue, visitors: int = 8, seconds: float = 0.03) -> int:
    """Start ``visitors`` fake trainings together; the most that ever held a slot at once."""
    now, peak, guard = [0], [0], threading.Lock()
    go = threading.Barrier(visitors)

    def visitor() -> None:
        go.wait()
        with queue.slot() as mine:
            assert mine
            with guard:
                now[0] += 1
                peak[0] = max(peak[0], now[0])
            time.sleep(seconds)
            with guard:
                now[0] -= 1

    threads = [start(visitor) for _ in range(visitors)]
    join_all(threads)
    assert queue.running == 0 and queue.waiting == 0
    return peak[0]


def test_never_more_than_slots_at_once() -> None:
    assert peak_concurrency(TrainingQueue(2)) == 2  # the cap holds, and both slots are used


def test_the_cap_check_catches_a_queue_that_lets_everyone_in() -> None:
    # The ingredient broken: a queue with as many slots as visitors. The same check must fail.
    peak = peak_concurrency(TrainingQueue(8))
    with pytest.raises(AssertionError):
        assert peak <= 2
    assert peak > 2


@pytest.mark.parametrize("slots", [1, 2])
def test_strict_arrival_order(slots: int) -> None:
    queue, release, order = TrainingQueue(slots), threading.Event(), []
    holders = [hold(queue, release) for _ in range(slots)]
    waiters = []
    for i in range(6):

        def visitor(i: int = i) -> None:
            with queue.slot() as mine:
                assert mine
                order.append(i)
                time.sleep(0.005)  # give a later arrival every chance to overtake

        waiters.append(start(visitor))
        wait_until(lambda n=i + 1: queue.waiting == n)  # arrival i is in line before i + 1 comes
    release.set()
    join_all(holders + waiters)
    if slots == 1:
        assert order == list(range(6))
    else:  # two run side by side, so two neighbours may append in either order; never a later pair
        assert [sorted(order[i : i + 2]) for i in (0, 2, 4)] == [[0, 1], [2, 3], [4, 5]]


def test_places_count_down_to_one_and_etas_decrease() -> None:
    queue, release = TrainingQueue(1), threading.Event()
    first = hold(queue, release, estimate=1.0)
    reports: dict[int, list[tuple[int, float | None]]] = {i: [] for i in range(4)}
    threads = []
    for i in range(4):

        def visitor(i: int = i) -> None:
            with queue.slot(report=lambda p, eta: reports[i].append((p, eta)), estimate=0.2) as mine:
                assert mine
                time.sleep(0.05)

        threads.append(start(visitor))
        wait_until(lambda n=i + 1: queue.waiting == n)
    time.sleep(0.1)  # several reports while the first holds its slot
    release.set()
    join_all([first, *threads])
    places = [p for p, _ in reports[3]]
    assert places[0] == 4 and places[-1] == 1
    assert set(places) == {1, 2, 3, 4}
    assert all(a >= b for a, b in itertools.pairwise(places))  # never moves back
    etas = [eta for p, eta in reports[3] if p == 4]  # while nobody moves, the estimate counts down
    assert all(e is not None for e in etas) and len(etas) >= 3
    assert all(a > b for a, b in itertools.pairwise(etas))
    assert etas[0] == pytest.approx(1.0 + 3 * 0.2, abs=0.2)  # first's rest + three ahead of it


def test_eta_from_estimates_running_time_and_free_slots() -> None:
    clock = FakeClock()
    queue, release = TrainingQueue(2, clock=clock), threading.Event()
    assert queue.eta() == 0.0  # a free slot: no wait
    a = hold(queue, release, estimate=4.0)
    b = hold(queue, release, estimate=7.0)
    assert queue.eta() == 4.0
    clock.now = 1.0
    assert queue.eta() == 3.0  # counts down as the running one goes on

    def waiter() -> None:
        with queue.slot(estimate=5.0):
            release.wait(TIMEOUT)

    waiters = []
    for i in range(3):
        waiters.append(start(waiter))
        wait_until(lambda n=i + 1: queue.waiting == n)
    # Slots free at 3 and 6; the three ahead take 3->8, 6->11, 8->13: a fourth waits 11 s.
    assert queue.eta(place=4) == 11.0
    assert queue.eta(place=2) == 6.0
    clock.now = 20.0
    assert queue.eta() == 0.0  # overdue runs count as about to finish, never negative
    release.set()
    join_all([a, b, *waiters])
    assert queue.running == 0 and queue.waiting == 0


def test_eta_learns_from_finished_runs_and_from_progress() -> None:
    clock = FakeClock()
    queue = TrainingQueue(1, clock=clock)
    release = threading.Event()
    first = hold(queue, release)  # starts at 0
    assert queue.eta() is None  # nothing known yet: the page shows the place only
    clock.now = 2.0
    release.set()
    join_all([first])  # finished in 2 s
    wait_until(lambda: queue.running == 0)  # a leaked slot fails here instead of hanging below
    with queue.slot():
        clock.now = 6.0  # finished in 4 s: the average is now 3 s
    release = threading.Event()
    first = hold(queue, release)  # starts at 6
    assert queue.eta() == 3.0
    ticket = queue._running[0]
    clock.now = 10.0
    ticket.progress(0.8)  # its own pace: 4 s for 80 %, so 1 s to go (not the average's 0)
    assert queue.eta() == pytest.approx(1.0)
    release.set()
    join_all([first])


def test_ready_while_queued_is_served_at_once_and_frees_the_place() -> None:
    queue, release, done = TrainingQueue(1), threading.Event(), threading.Event()
    first = hold(queue, release)
    got: list[bool] = []
    behind: list[int] = []

    def served() -> None:
        with queue.slot(ready=done.is_set) as mine:
            got.append(bool(mine))

    a = start(served)
    wait_until(lambda: queue.waiting == 1)

    def patient() -> None:
        with queue.slot(report=lambda p, eta: behind.append(p)) as mine:
            got.append(bool(mine))

    b = start(patient)
    wait_until(lambda: queue.waiting == 2 and 2 in behind)
    done.set()  # the result appears (another process, the warm-up) while a is still in line
    join_all([a])
    assert got == [False]
    assert queue.running == 1 and queue.waiting == 1  # a never took a slot; b is still in line
    behind.clear()
    wait_until(lambda: 1 in behind)  # b moved up
    release.set()
    join_all([first, b])
    assert got == [False, True]  # b got the slot in its turn
    assert queue.running == 0 and queue.waiting == 0


def test_a_report_that_raises_leaves_the_queue_without_leaking_a_slot() -> None:
    class Stop(BaseException):  # like Streamlit's StopException: not an Exception
        pass

    queue, release = TrainingQueue(1), threading.Event()
    first = hold(queue, release)
    calls, raised, behind, ran = [0], [], [], []

    def stopping(place: int, eta: float | None) -> None:
        calls[0] += 1
        if calls[0] >= 3:
            raise Stop

    def leaver() -> None:
        try:
            with queue.slot(report=stopping):
                ran.append("leaver")
        except Stop:
            raised.append(True)

    def patient() -> None:
        with queue.slot(report=lambda p, eta: behind.append(p)) as mine:
            assert mine
            ran.append("patient")

    a = start(leaver)
    wait_until(lambda: queue.waiting == 1)
    b = start(patient)
    join_all([a])
    assert raised == [True]
    wait_until(lambda: behind and behind[-1] == 1)  # the next in line moved up
    assert queue.waiting == 1
    release.set()
    join_all([first, b])
    assert ran == ["patient"]
    assert queue.running == 0 and queue.waiting == 0


def test_an_error_while_holding_releases_the_slot() -> None:
    queue = TrainingQueue(1)
    with pytest.raises(RuntimeError), queue.slot():
        raise RuntimeError("training failed")
    assert queue.running == 0
    with queue.slot() as mine:  # the next one gets in at once
        assert mine


def test_default_slots(monkeypatch) -> None:
    monkeypatch.delenv("MLP_LAB_DEVICE", raising=False)
    monkeypatch.setattr(torch.cuda, "is_available", lambda: False)
    monkeypatch.setattr(torch.backends.mps, "is_available", lambda: False)
    monkeypatch.setattr(device, "cores", lambda: 8)
    monkeypatch.setenv("MLP_LAB_TRAINING_SLOTS", "3")
    assert default_slots() == 3
    monkeypatch.setenv("MLP_LAB_TRAINING_SLOTS", "nonsense")  # ignored, not a crash
    monkeypatch.setenv("MLP_LAB_THREADS", "2")
    assert default_slots() == 4  # 8 cores / 2 threads per training
    monkeypatch.delenv("MLP_LAB_TRAINING_SLOTS")
    monkeypatch.setenv("MLP_LAB_THREADS", "16")
    assert default_slots() == 1  # never zero
    monkeypatch.setattr(torch.cuda, "is_available", lambda: True)
    monkeypatch.setattr(torch.cuda, "device_count", lambda: 2)
    assert default_slots() == 2  # one per GPU, whatever the cores
    monkeypatch.setenv("MLP_LAB_DEVICE", "cpu")
    monkeypatch.setenv("MLP_LAB_THREADS", "2")
    assert default_slots() == 4  # asked for the CPU: the core rule again


def test_shared_queue_is_one_per_process(monkeypatch) -> None:
    monkeypatch.setattr(q_mod, "_shared", None)
    monkeypatch.setenv("MLP_LAB_TRAINING_SLOTS", "3")
    assert shared_queue() is shared_queue()
    assert shared_queue().slots == 3


def test_a_queue_needs_a_slot() -> None:
    with pytest.raises(ValueError):
        TrainingQueue(0)


def test_eta_at_a_class_start_comes_from_the_running_pace() -> None:
    # No training has finished yet and no caller gave an estimate: the running one's progress sets
    # both its own remaining time and the length assumed for those ahead.
    clock = FakeClock()
    queue, release = TrainingQueue(1, clock=clock), threading.Event()
    first = hold(queue, release)

    def waiter() -> None:
        with queue.slot():
            release.wait(TIMEOUT)

    second = start(waiter)
    wait_until(lambda: queue.waiting == 1)
    assert queue.eta(place=2) is None
    clock.now = 2.0
    queue._running[0].progress(0.25)  # 2 s for a quarter: 6 s to go, 8 s a training
    assert queue.eta(place=1) == pytest.approx(6.0)
    assert queue.eta(place=2) == pytest.approx(14.0)
    release.set()
    join_all([first, second])


def test_progress_reaches_the_ticket_this_thread_holds() -> None:
    clock = FakeClock()
    queue = TrainingQueue(1, clock=clock)
    queue.progress(0.5)  # holding nothing: ignored
    with queue.slot() as mine:
        clock.now = 3.0
        queue.progress(type("P", (), {"fraction": 0.75})())  # the trainer's Progress has .fraction
        assert mine.fraction == 0.75
        assert queue.eta() == pytest.approx(1.0)  # 3 s for 75 %: 1 s to go
    queue.progress(0.1)  # released: ignored again
    assert mine.fraction == 0.75


# --- wired into the one path to a result (mlp_lab.store.cached) ----------------------------------------
def slow_training(config: int, progress: Callable[[float], None] | None = None) -> int:
    """A long computation (it reports progress): it waits for a training slot."""
    for i in range(3):
        time.sleep(0.05)
        if progress is not None:
            progress((i + 1) / 3)
    return config * 10


def quick_lookup(config: int) -> int:
    """A short computation (no progress): it never waits behind trainings."""
    return config + 1


def test_the_store_queues_long_computations_and_serves_short_ones_at_once() -> None:
    from mlp_lab.store import ResultStore, cached

    store, queue = ResultStore(), TrainingQueue(1)
    now, peak, guard, places = [0], [0], threading.Lock(), []

    def counted(config: int, progress: Callable[[float], None] | None = None) -> int:
        with guard:
            now[0] += 1
            peak[0] = max(peak[0], now[0])
        try:
            return slow_training(config, progress)
        finally:
            with guard:
                now[0] -= 1

    counted.__qualname__ = "counted"  # a named computation, as the store's keys need
    results: dict[int, int] = {}

    def visitor(i: int) -> None:
        results[i] = cached(counted, i, store=store, queue=queue, queued=lambda place, eta: places.append(place))

    release = threading.Event()
    holder = hold(queue, release)  # the one slot is taken: everyone queues
    threads = [start(lambda i=i: visitor(i)) for i in range(4)]
    wait_until(lambda: queue.waiting == 4)
    assert cached(quick_lookup, 5, store=store, queue=queue) == 6  # not queued behind the trainings
    release.set()
    join_all([holder, *threads])
    assert results == {i: 10 * i for i in range(4)} and peak[0] == 1
    assert max(places) == 4 and min(places) == 1  # each heard its place, down to first in line
    assert store.computations == 5
