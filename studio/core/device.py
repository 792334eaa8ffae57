"""Which device a job runs on: ``auto`` (a GPU when there is one), ``cpu``, ``cuda[:N]`` or ``mps``.

Shared by training and pre-labeling; it imports torch, so call it where the model runs.
"""

from __future__ import annotations

import re

DEVICE_CHOICES = "auto, cpu, cuda, cuda:N or mps"


class DeviceError(ValueError):
    """The device asked for is not there (the message says what is)."""


def resolve_device(name: str) -> str:
    """Ultralytics' device string for ``name`` ("cpu", "0", "mps"), or ``DeviceError``."""
    import torch

    name = (name or "auto").strip().lower()
    cuda = torch.cuda.is_available()
    count = torch.cuda.device_count() if cuda else 0
    mps = bool(getattr(torch.backends, "mps", None)) and torch.backends.mps.is_available()
    if name == "auto":
        return "0" if cuda else "mps" if mps else "cpu"
    if name == "cpu":
        return "cpu"
    if name == "mps":
        if not mps:
            raise DeviceError("device 'mps' is not available here (Apple GPUs only); use cpu or auto")
        return "mps"
    match = re.fullmatch(r"cuda(?::(\d+))?", name)
    if match is None:
        raise DeviceError(f"unknown device '{name}' (choose {DEVICE_CHOICES})")
    index = int(match.group(1) or 0)
    if not cuda:
        raise DeviceError(f"device '{name}' is not available: torch sees no CUDA GPU here; use cpu or auto")
    if index >= count:
        raise DeviceError(f"device '{name}' is not available: there are {count} CUDA GPU(s) (cuda:0..cuda:{count - 1})")
    return str(index)


def apply_device(overrides: dict) -> dict:
    """``overrides`` with the device resolved for Ultralytics (in the trainer process), and
    ``amp`` off on CUDA: Ultralytics' AMP check there downloads a model."""
    out = dict(overrides)
    if "device" in out:
        out["device"] = resolve_device(str(out["device"]))
        if out["device"] not in ("cpu", "mps"):
            out.setdefault("amp", False)
    return out
