"""Reaching a Ray cluster: ``local`` (start Ray on this machine), ``auto`` (the cluster named by
``RAY_ADDRESS``, or the one ``ray start`` runs here) or ``ray://host:port`` (Ray's client mode).

Ray is the optional ``cluster`` extra; without it every entry point says how to install it.
Workers do not inherit the driver's environment, so the variables that keep Ultralytics
offline and on its safe loader travel in the job's ``runtime_env`` (and each worker sets
them again before it imports Ultralytics).
"""

from __future__ import annotations

import logging
import os
import re
from dataclasses import dataclass
from typing import Any

from studio.core.i18n import QT_TRANSLATE_NOOP, TranslatableMessage
from studio.core.runtime import SAFE_LOAD_KEY

ADDRESS_CHOICES = "local, auto or ray://host:port"
WORKER_ENV = {SAFE_LOAD_KEY: "1", "YOLO_OFFLINE": "true", "YOLO_AUTOINSTALL": "false", "YOLO_VERBOSE": "false"}


class ClusterError(TranslatableMessage, RuntimeError):
    """The cluster cannot be used (Ray missing, address wrong, cluster unreachable or too small)."""

    def __init__(self, template: str, **params: object) -> None:
        super().__init__(self._init_message(template, params))


@dataclass(frozen=True)
class ClusterInfo:
    """What a connected cluster offers."""

    address: str  # as asked
    nodes: int
    cpus: float
    gpus: float
    ray_version: str

    def describe(self) -> str:
        """``2 nodes, 16 CPUs, 2 GPUs (Ray 2.60.0)`` for messages."""
        return (f"{self.nodes} node{'s' * (self.nodes != 1)}, {self.cpus:g} CPUs, {self.gpus:g} GPUs "
                f"(Ray {self.ray_version})")


def ray_init_address(address: str) -> str | None:
    """The ``address`` argument for ``ray.init``: ``None`` starts Ray here (``local``)."""
    name = (address or "").strip()
    if name == "local":
        return None
    if name == "auto" or re.fullmatch(r"ray://[^\s:/]+(:\d+)?", name):
        return name
    raise ClusterError(QT_TRANSLATE_NOOP("studio.core", "unknown cluster address '{address}' (choose {choices})"),
                       address=address, choices=ADDRESS_CHOICES)


def import_ray() -> Any:
    """The ``ray`` module, or a ``ClusterError`` that says how to install it."""
    try:
        import ray
        import ray.data  # noqa: F401 - Ray Data is what studio runs on the cluster
    except ImportError as exc:
        raise ClusterError(QT_TRANSLATE_NOOP(
            "studio.core", "Ray is not installed ({reason}); install the cluster extra: "
                           "pip install \"detection-studio[cluster]\""), reason=str(exc)) from None
    return ray


def connect(address: str) -> ClusterInfo:
    """Connect this process to the cluster at ``address`` (starting one for ``local``)."""
    target = ray_init_address(address)
    ray = import_ray()
    if ray.is_initialized():
        ray.shutdown()
    if target == "auto" and not os.environ.get("RAY_ADDRESS") and not _local_head_running():
        raise ClusterError(QT_TRANSLATE_NOOP(
            "studio.core", "no Ray cluster found for 'auto': set RAY_ADDRESS, or run 'ray start --head' first"))
    os.environ.setdefault("RAY_BACKEND_LOG_LEVEL", "fatal")  # C++ logs to stderr; errors surface as exceptions
    options: dict[str, Any] = {"include_dashboard": False, "log_to_driver": False, "logging_level": logging.ERROR,
                               "runtime_env": {"env_vars": dict(WORKER_ENV)}}
    if target is None:
        options["num_cpus"] = os.cpu_count() or 1
    try:
        ray.init(address=target, **options)
    except Exception as exc:  # noqa: BLE001 - Ray raises many kinds (ConnectionError, RuntimeError, gRPC errors)
        raise ClusterError(QT_TRANSLATE_NOOP("studio.core", "cannot reach the Ray cluster at {address}: {reason}"),
                           address=address, reason=_first_line(exc)) from None
    _quiet_ray_data()
    resources = ray.cluster_resources()
    nodes = sum(1 for n in ray.nodes() if n.get("Alive"))
    return ClusterInfo(address, nodes, float(resources.get("CPU", 0)), float(resources.get("GPU", 0)),
                       ray.__version__)


def disconnect() -> None:
    """Leave the cluster (a ``local`` one stops with it); safe to call twice."""
    try:
        import ray
    except ImportError:
        return
    if ray.is_initialized():
        ray.shutdown()


def check_connection(address: str) -> ClusterInfo:
    """Connect, read what the cluster offers, and leave again (the dialog's check)."""
    try:
        return connect(address)
    finally:
        disconnect()


def _local_head_running() -> bool:
    """True when ``ray start --head`` left its address file on this machine."""
    import tempfile

    return os.path.exists(os.path.join(tempfile.gettempdir(), "ray", "ray_current_cluster"))


def _quiet_ray_data() -> None:
    import ray.data

    ctx = ray.data.DataContext.get_current()
    ctx.enable_progress_bars = False
    ctx.print_on_execution_start = False
    logging.getLogger("ray").setLevel(logging.ERROR)
    logging.getLogger("ray.data").setLevel(logging.ERROR)


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {text[0] if text else ''}".strip()
