"""studio's core: formats, dataset index, storage, jobs and plugins. Imports no Qt."""

from studio.core import runtime as _runtime

_runtime.prepare()
