"""The registry of checks: each experiment module registers its rows here.

Core, imported by the experiments (``@register``, ``@register_claim``); ``mlp_lab.reproduce`` runs
the rows. The words of a row live in its topic's i18n module (``mlp_lab/ui/i18n/<topic>.py``), so a
translation edit does not change the code version of the results cache.

Where a row's number comes from is declared with it, once (``kind``):

- ``"book"``: a formula or statement of the book itself (d2l-zh, its section named);
- ``"reference"``: a printed output of the chapter write-up's own run (the book's text prints no
  outputs; the write-up ran its code and printed these);
- ``"claim"``: an effect one of our pages' text asserts at its defaults, measured on our own runs
  over several seeds; the row's value is the share of seeds that show it;
- ``"identity"``: two computations of one thing agree (scratch == concise, hand == autograd).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

CheckFn = Callable[[], tuple[float | str, bool]]
KINDS = ("book", "reference", "claim", "identity")  # the order the book page lists them in


@dataclass(frozen=True)
class Check:
    id: str
    section: str
    fn: CheckFn
    kind: str
    seeds: tuple[int, ...] = ()  # claim rows: the seeds the share is taken over

    @property
    def topic(self) -> str:
        return self.id.split(".")[0]


_REGISTRY: dict[str, Check] = {}


def register(id: str, *, section: str, kind: str) -> Callable[[CheckFn], CheckFn]:
    """Decorator: ``fn()`` returns (our value, within tolerance); its words go in i18n/<topic>.py."""
    if kind not in KINDS or kind == "claim":
        raise ValueError(f"{id}: kind must be one of {KINDS[:2] + KINDS[3:]} (claims: register_claim)")

    def wrap(fn: CheckFn) -> CheckFn:
        _REGISTRY[id] = Check(id, section, fn, kind)
        return fn

    return wrap


def share_of_seeds(shows: Callable[[int], bool], seeds: Iterable[int]) -> float:
    """The share of ``seeds`` whose run shows the effect."""
    seeds = tuple(seeds)
    return sum(bool(shows(s)) for s in seeds) / len(seeds)


def register_claim(
    id: str, *, section: str, seeds: Iterable[int] = range(8), need: float = 0.75
) -> Callable[[Callable[[int], bool]], Callable[[int], bool]]:
    """Decorator over ``shows(seed) -> bool``, the same predicate the page uses to choose its
    sentence: the row's value is the share of ``seeds`` that show the effect, passing at ``need``.
    At least 5 seeds: one draw proves nothing about a page's defaults."""
    seeds = tuple(seeds)
    if len(seeds) < 5:
        raise ValueError(f"{id}: a claim is measured over at least 5 seeds")

    def wrap(shows: Callable[[int], bool]) -> Callable[[int], bool]:
        def fn() -> tuple[float, bool]:
            share = share_of_seeds(shows, seeds)
            return share, share >= need

        fn.__name__ = fn.__qualname__ = f"claim_{id}"
        _REGISTRY[id] = Check(id, section, fn, "claim", seeds)
        return shows

    return wrap
