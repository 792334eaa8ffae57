"""Plugins that ship with studio (installed as the ``studio_plugins`` package, registered
through the ``studio.plugins`` entry-point group like any third-party plugin)."""
