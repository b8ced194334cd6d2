"""Where tensors live, and how many CPU threads torch may use."""

from __future__ import annotations

import os

import torch

_VALID = ("auto", "cpu", "cuda", "mps")


def pick_device(preference: str | None = None) -> torch.device:
    """CUDA when available, else MPS, else CPU; ``MLP_LAB_DEVICE`` or an explicit choice wins.

    An explicit device that is not present falls back to the CPU rather than failing,
    so a link made on a GPU server still opens on a laptop.
    """
    pref = (preference or os.environ.get("MLP_LAB_DEVICE") or "auto").strip().lower()
    if pref not in _VALID and not pref.startswith("cuda:"):
        pref = "auto"
    if pref.startswith("cuda"):
        return torch.device(pref) if torch.cuda.is_available() else torch.device("cpu")
    if pref == "mps":
        return torch.device("mps") if _mps_available() else torch.device("cpu")
    if pref == "cpu":
        return torch.device("cpu")
    if torch.cuda.is_available():
        return torch.device("cuda")
    if _mps_available():
        return torch.device("mps")
    return torch.device("cpu")


def _mps_available() -> bool:
    backend = getattr(torch.backends, "mps", None)
    return bool(backend is not None and backend.is_available())


def default_threads() -> int:
    """Torch threads per training: ``MLP_LAB_THREADS`` if set, else half the cores, 1 to 4, so that
    trainings run side by side in the training queue's slots (``mlp_lab.queue``: cores / threads).

    Measured on 2 cores (``benchmarks/queue.py``): a training in a session's thread runs about as
    fast with 1 torch thread as with 2, and two 1-thread trainings at once finish far sooner than one
    2-thread training after another."""
    return env_count("MLP_LAB_THREADS") or max(1, min(4, cores() // 2))


def cores() -> int:
    """The cores this process may use (a container's CPU set, not the host's count)."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def env_count(name: str) -> int:
    """A positive whole number from the environment; 0 when unset or not one (the default applies)."""
    try:
        value = int(os.environ.get(name, "").strip())
    except ValueError:
        return 0
    return max(value, 0)


def configure_threads(n: int | None = None) -> int:
    """Apply the thread cap to torch once per process and return it."""
    n = n or default_threads()
    if torch.get_num_threads() != n:
        torch.set_num_threads(n)
    return n


def describe(device: torch.device) -> str:
    """A short human name for the device, e.g. ``cuda (NVIDIA H100)`` or ``cpu (4 threads)``."""
    if device.type == "cuda":
        return f"cuda ({torch.cuda.get_device_name(device)})"
    if device.type == "cpu":
        return f"cpu ({torch.get_num_threads()} threads)"
    return device.type
