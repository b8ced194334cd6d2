"""A fair training queue: at most ``slots`` trainings at once, the rest wait in arrival order.

Why: a training is CPU-bound. Eight trainings started together on a 2-core machine all finish
late (each takes about as long as eight in a row), so the first learner waits as long as the
last. Running two at a time and queueing the rest gives the first learner a result in about one
training's time and the class its results sooner on average, with the same total.

    with shared_queue().slot(ready=lambda: store.get(key) is not None, report=show) as mine:
        if not mine:            # the result appeared while we queued: read it, compute nothing
            return store.get(key)
        return train(config, progress=lambda f: (mine.progress(f), bar(f)))

``report(place, eta_seconds)`` is called about twice a second while waiting; place 1 is next in
line; ``eta_seconds`` counts down (None until anything is known about how long a training takes).
If ``report`` or ``ready`` raises (Streamlit stops a script this way when the learner presses Stop,
changes a widget or leaves) the ticket leaves the queue and the exception goes on.
No streamlit here: the page side (``mlp_lab.ui.runner``) turns the reports into a note.
"""

from __future__ import annotations

import heapq
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

REPORT_EVERY = 0.5  # seconds between place/ETA reports (each report also lets Streamlit interrupt)
RECENT = 8  # finished trainings in the moving average of durations
MIN_FRACTION = 0.02  # below this, a running training's own progress is too noisy to extrapolate
SLOTS_ENV = "MLP_LAB_TRAINING_SLOTS"

Report = Callable[[int, float | None], None]


class Ticket:
    """One request's place in the queue. Truthy once it holds a slot (compute now), falsy when it
    was served from the store while waiting. The holder may call ``progress(fraction)`` so the
    estimates of those behind it follow the real pace of this training."""

    def __init__(self, estimate: float | None) -> None:
        self.estimate = estimate  # expected seconds of this computation, if the caller knows
        self.started = 0.0  # clock time when it got a slot (read only while it holds one)
        self.fraction = 0.0  # done so far, 0..1, as reported by the holder
        self.holding = False

    def progress(self, fraction: float) -> None:
        self.fraction = min(max(float(fraction), 0.0), 1.0)  # one float store: safe without a lock

    def __bool__(self) -> bool:
        return self.holding


class TrainingQueue:
    """At most ``slots`` holders at once; waiters admitted strictly first come, first served.

    ``clock`` measures durations for the estimates (tests pass a fake one); the waiting itself
    always uses real time. Thread-safe: Streamlit runs each session in its own thread.
    """

    def __init__(self, slots: int, clock: Callable[[], float] = time.monotonic) -> None:
        if slots < 1:
            raise ValueError("a queue needs at least one slot")
        self.slots = slots
        self.clock = clock
        self._cond = threading.Condition()
        self._waiting: deque[Ticket] = deque()  # arrival order; the head is next
        self._running: list[Ticket] = []
        self._durations: deque[float] = deque(maxlen=RECENT)
        self._mine = threading.local()  # the ticket this thread holds, for ``progress``

    @property
    def waiting(self) -> int:
        with self._cond:
            return len(self._waiting)

    @property
    def running(self) -> int:
        with self._cond:
            return len(self._running)

    @contextmanager
    def slot(
        self,
        *,
        ready: Callable[[], bool] = lambda: False,
        report: Report | None = None,
        estimate: float | None = None,
    ) -> Iterator[Ticket]:
        """Wait in arrival order for a slot; yield a truthy ticket once holding one, or a falsy one
        as soon as ``ready()`` says the result exists. The slot is released on exit, always."""
        ticket = Ticket(estimate)
        with self._cond:
            self._waiting.append(ticket)
        try:
            served = self._wait(ticket, ready, report)
        except BaseException:  # Streamlit's stop/rerun exceptions are BaseExceptions
            self._leave(ticket)
            raise
        if served:
            yield ticket
            return
        ok = False
        try:
            yield ticket
            ok = True
        finally:
            self._release(ticket, ok)

    def _wait(self, ticket: Ticket, ready: Callable[[], bool], report: Report | None) -> bool:
        """Block until ``ticket`` holds a slot (False) or its result is ready (True)."""
        next_report = time.monotonic()  # the first look at ready()/report happens at once
        while True:
            with self._cond:
                while True:
                    if self._waiting[0] is ticket and len(self._running) < self.slots:
                        self._waiting.popleft()
                        ticket.holding, ticket.started = True, self.clock()
                        self._running.append(ticket)
                        self._mine.ticket = ticket
                        self._cond.notify_all()  # the new head may fit in another free slot
                        return False
                    pause = next_report - time.monotonic()
                    if pause <= 0:
                        place, eta = self._waiting.index(ticket) + 1, self._eta(ticket)
                        break
                    self._cond.wait(pause)
            # Outside the lock: ready() may read the disk and report() may draw a page.
            if ready():
                self._leave(ticket)
                return True
            if report is not None:
                report(place, eta)
            next_report = time.monotonic() + REPORT_EVERY

    def _leave(self, ticket: Ticket) -> None:
        with self._cond:
            if ticket in self._waiting:
                self._waiting.remove(ticket)
                self._cond.notify_all()  # the one behind may now be at the head

    def _release(self, ticket: Ticket, finished: bool) -> None:
        with self._cond:
            self._running.remove(ticket)
            ticket.holding = False
            self._mine.ticket = None
            if finished:
                # Only completed runs teach the average: a stopped one says little about the next.
                self._durations.append(self.clock() - ticket.started)
            self._cond.notify_all()

    def progress(self, done: Any) -> None:
        """Pass the calling thread's training progress (a fraction, or anything with ``.fraction``
        like the trainer's ``Progress``) to the ticket it holds; nothing when it holds none. This
        lets the store tee a page's progress callback without handling tickets itself."""
        ticket = getattr(self._mine, "ticket", None)
        if ticket is not None:
            ticket.progress(getattr(done, "fraction", done))

    def eta(self, place: int = 1) -> float | None:
        """Seconds until a newcomer with ``place - 1`` waiters ahead of it would get a slot."""
        with self._cond:
            return self._simulate(list(self._waiting)[: place - 1])

    def _eta(self, ticket: Ticket) -> float | None:
        return self._simulate(list(self._waiting)[: self._waiting.index(ticket)])

    def _simulate(self, ahead: list[Ticket]) -> float | None:
        """Hand each slot, as it frees, to the tickets ahead in order; when does one free for us?
        Call with the lock held. None when some duration cannot be estimated yet."""
        now = self.clock()
        typical = self._typical(now)
        frees = [0.0] * (self.slots - len(self._running))  # idle slots free now
        for run in self._running:
            left = self._remaining(run, now, typical)
            if left is None:
                return None
            frees.append(left)
        heapq.heapify(frees)
        for t in ahead:
            length = t.estimate if t.estimate is not None else typical
            if length is None:
                return None
            heapq.heapreplace(frees, frees[0] + length)
        return frees[0]

    def _typical(self, now: float) -> float | None:
        """How long a training takes: the recent finished ones, else the running ones' pace."""
        if self._durations:
            return sum(self._durations) / len(self._durations)
        paces = [(now - r.started) / r.fraction for r in self._running if r.fraction >= MIN_FRACTION]
        return sum(paces) / len(paces) if paces else None

    @staticmethod
    def _remaining(run: Ticket, now: float, typical: float | None) -> float | None:
        elapsed = now - run.started
        if run.fraction >= MIN_FRACTION:  # its own pace beats any average
            return max(elapsed * (1 - run.fraction) / run.fraction, 0.0)
        length = run.estimate if run.estimate is not None else typical
        return None if length is None else max(length - elapsed, 0.0)


def default_slots() -> int:
    """How many trainings may run at once: ``MLP_LAB_TRAINING_SLOTS`` if set, else one per GPU,
    else as many as the cores hold at the torch threads one training uses (at least one)."""
    from mlp_lab.device import cores, default_threads, env_count, pick_device  # here: torch loads only when needed

    if env_count(SLOTS_ENV):
        return env_count(SLOTS_ENV)
    kind = pick_device().type
    if kind == "cuda":
        import torch

        return max(1, torch.cuda.device_count())
    if kind == "mps":
        return 1
    return max(1, cores() // default_threads())


_shared: TrainingQueue | None = None
_shared_guard = threading.Lock()


def shared_queue() -> TrainingQueue:
    """The process's one queue: every session's trainings go through it (the warm-up is a process
    of its own, at the lowest priority, and takes no slot)."""
    global _shared
    with _shared_guard:
        if _shared is None:
            _shared = TrainingQueue(default_slots())
        return _shared
