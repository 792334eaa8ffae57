"""One small registry for everything pluggable: preprocessing ops and exporters.

Built-in parts and third-party plugins register the same way::

    from studio.core.plugins import registry

    def register(reg):                     # in plugins/my_plugin.py
        reg.add("op", "my_blur", MyBlurOp)

Plugins are discovered from the user's plugin folder (``~/.config/studio/plugins``) and from
the ``studio.plugins`` entry-point group (studio's own ``plugins/`` ships that way), never
from a dataset folder. A plugin that fails to import or to register is recorded in
``registry.failures`` (shown by the UI and the CLI) and skipped; it is never fatal.
"""

from __future__ import annotations

import importlib.util
import sys
import traceback
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

KINDS = ("op", "exporter")
ENTRY_POINT_GROUP = "studio.plugins"


class PluginError(ValueError):
    """A registration was refused (unknown kind, duplicate name)."""


@dataclass(frozen=True)
class PluginFailure:
    """A plugin that could not be loaded: where it came from, and the error."""

    source: str
    error: str
    details: str = ""


@dataclass
class Registry:
    """Named objects by kind, plus the failures met while loading plugins."""

    items: dict[str, dict[str, Any]] = field(default_factory=lambda: {k: {} for k in KINDS})
    origins: dict[tuple[str, str], str] = field(default_factory=dict)
    failures: list[PluginFailure] = field(default_factory=list)
    loaded_sources: set[str] = field(default_factory=set)

    def add(self, kind: str, name: str, obj: Any, origin: str = "builtin") -> None:
        """Register ``obj`` as ``name`` of ``kind``; a name may be registered once."""
        if kind not in self.items:
            raise PluginError(f"unknown plugin kind {kind!r}; expected one of {', '.join(KINDS)}")
        if name in self.items[kind]:
            raise PluginError(f"{kind} {name!r} is registered already (by {self.origins[(kind, name)]})")
        self.items[kind][name] = obj
        self.origins[(kind, name)] = origin

    def get(self, kind: str, name: str) -> Any:
        """The object registered as ``name`` of ``kind``; ``KeyError`` if none."""
        return self.items[kind][name]

    def names(self, kind: str) -> list[str]:
        """Registered names of ``kind``, in registration order."""
        return list(self.items[kind])

    def load_folder(self, folder: str | Path) -> list[str]:
        """Import every ``*.py`` (not starting with ``_``) in ``folder`` and call its ``register``.

        Returns the names of the plugins that loaded; failures go to ``self.failures``.
        """
        folder = Path(folder)
        loaded: list[str] = []
        if not folder.is_dir():
            return loaded
        for path in sorted(folder.glob("*.py")):
            if path.name.startswith("_") or str(path) in self.loaded_sources:
                continue
            self.loaded_sources.add(str(path))
            if self._load_file(path):
                loaded.append(path.stem)
        return loaded

    def _load_file(self, path: Path) -> bool:
        mod_name = f"studio_plugin_{path.stem}"
        try:
            spec = importlib.util.spec_from_file_location(mod_name, path)
            if spec is None or spec.loader is None:
                raise ImportError(f"cannot load {path}")
            module = importlib.util.module_from_spec(spec)
            sys.modules[mod_name] = module
            spec.loader.exec_module(module)
            return self._call_register(module, str(path))
        except BaseException as exc:  # noqa: BLE001 - a plugin may raise anything, even SystemExit
            if isinstance(exc, KeyboardInterrupt):
                raise
            sys.modules.pop(mod_name, None)
            self.failures.append(PluginFailure(str(path), f"{type(exc).__name__}: {exc}",
                                               traceback.format_exc()))
            return False

    def _call_register(self, module: Any, origin: str) -> bool:
        register = getattr(module, "register", None)
        if not callable(register):
            raise PluginError("the plugin has no register(registry) function")
        snapshot = {k: dict(v) for k, v in self.items.items()}
        try:
            register(_OriginRegistry(self, origin))
        except BaseException:
            self.items = snapshot  # a half-registered plugin is removed whole
            self.origins = {k: v for k, v in self.origins.items() if v != origin}
            raise
        return True

    def load_entry_points(self, group: str = ENTRY_POINT_GROUP) -> list[str]:
        """Load installed plugins advertised under the ``studio.plugins`` entry-point group."""
        loaded = []
        for ep in metadata.entry_points(group=group):
            source = f"entry point {ep.name} ({ep.value})"
            if source in self.loaded_sources:
                continue
            self.loaded_sources.add(source)
            try:
                obj = ep.load()
                module = obj if hasattr(obj, "register") else type("M", (), {"register": obj})
                self._call_register(module, source)
                loaded.append(ep.name)
            except Exception as exc:  # noqa: BLE001
                self.failures.append(PluginFailure(source, f"{type(exc).__name__}: {exc}",
                                                   traceback.format_exc()))
        return loaded

    def discover(self, folders: Iterable[str | Path]) -> list[str]:
        """Register studio's built-ins, then load plugins from ``folders`` and entry points;
        returns the plugins that loaded."""
        from studio.core.builtins import register_builtins

        register_builtins(self)
        loaded: list[str] = []
        for folder in folders:
            loaded += self.load_folder(folder)
        loaded += self.load_entry_points()
        return loaded


class _OriginRegistry:
    """The view of the registry a plugin's ``register`` receives: adds are tagged with it."""

    def __init__(self, registry: Registry, origin: str) -> None:
        self._registry = registry
        self._origin = origin

    def add(self, kind: str, name: str, obj: Any) -> None:
        """Register ``obj`` as ``name`` of ``kind``."""
        self._registry.add(kind, name, obj, origin=self._origin)


def default_plugin_folders() -> list[Path]:
    """The user's plugin folder (``~/.config/studio/plugins``), when it exists.

    The plugins that ship with studio (the repository's ``plugins/``, installed as the
    ``studio_plugins`` package) register through the ``studio.plugins`` entry point like any
    installed plugin. A dataset folder or the working directory is never searched.
    """
    from studio.core.user_dirs import config_dir

    user = config_dir() / "plugins"
    return [user] if user.is_dir() else []


registry = Registry()
