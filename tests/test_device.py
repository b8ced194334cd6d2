import torch

from mlp_lab.device import configure_threads, default_threads, pick_device


def test_cpu_when_no_accelerator_or_when_asked(monkeypatch) -> None:
    monkeypatch.delenv("MLP_LAB_DEVICE", raising=False)
    monkeypatch.setattr(torch.cuda, "is_available", lambda: False)
    monkeypatch.setattr(torch.backends.mps, "is_available", lambda: False)
    assert pick_device() == torch.device("cpu")
    assert pick_device("cpu") == torch.device("cpu")


def test_cuda_preferred_when_available(monkeypatch) -> None:
    monkeypatch.delenv("MLP_LAB_DEVICE", raising=False)
    monkeypatch.setattr(torch.cuda, "is_available", lambda: True)
    assert pick_device() == torch.device("cuda")
    assert pick_device("auto") == torch.device("cuda")


def test_mps_when_no_cuda(monkeypatch) -> None:
    monkeypatch.delenv("MLP_LAB_DEVICE", raising=False)
    monkeypatch.setattr(torch.cuda, "is_available", lambda: False)
    monkeypatch.setattr(torch.backends.mps, "is_available", lambda: True)
    assert pick_device() == torch.device("mps")


def test_env_override_and_missing_device_falls_back(monkeypatch) -> None:
    monkeypatch.setattr(torch.cuda, "is_available", lambda: True)
    monkeypatch.setenv("MLP_LAB_DEVICE", "cpu")
    assert pick_device() == torch.device("cpu")
    monkeypatch.setattr(torch.cuda, "is_available", lambda: False)
    monkeypatch.setenv("MLP_LAB_DEVICE", "cuda")
    assert pick_device() == torch.device("cpu")
    monkeypatch.setenv("MLP_LAB_DEVICE", "nonsense")
    assert pick_device() == torch.device("cpu")


def test_thread_cap(monkeypatch) -> None:
    monkeypatch.setenv("MLP_LAB_THREADS", "1")
    assert default_threads() == 1
    before = torch.get_num_threads()
    try:
        assert configure_threads() == 1 and torch.get_num_threads() == 1
    finally:
        torch.set_num_threads(before)
    monkeypatch.setenv("MLP_LAB_THREADS", "garbage")
    assert 1 <= default_threads() <= 4
