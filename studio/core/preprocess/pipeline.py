"""Pipelines: an ordered list of operation steps, saved as versioned JSON, run incrementally.

Example:
    >>> p = Pipeline([Step("gaussian_blur", {"ksize": 5}), Step("auto_threshold", {"method": "otsu"})])
    >>> q = Pipeline.from_json(p.to_json())  # parameters completed with defaults
    >>> Pipeline.from_json(q.to_json()) == q, q.steps[0].params
    (True, {'ksize': 5, 'sigma': 0.0})
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from studio.core.preprocess.ops import BUILTIN_OPS, OpError, OpSpec

FORMAT = "studio-pipeline"
VERSION = 1


class PipelineError(ValueError):
    """A pipeline file that cannot be used (newer version, unknown operation, bad JSON)."""


@dataclass
class Step:
    """One operation with its parameter values, on or off."""

    op: str
    params: dict[str, Any] = field(default_factory=dict)
    enabled: bool = True


def builtin_specs() -> dict[str, OpSpec]:
    """Built-in operations by name."""
    return {s.name: s for s in BUILTIN_OPS}


@dataclass
class Pipeline:
    """Steps applied in order to an 8-bit image."""

    steps: list[Step] = field(default_factory=list)

    def to_json(self) -> str:
        """Versioned JSON text."""
        return json.dumps({"format": FORMAT, "version": VERSION,
                           "steps": [{"op": s.op, "params": s.params, "enabled": s.enabled}
                                     for s in self.steps]}, indent=2, ensure_ascii=False) + "\n"

    @classmethod
    def from_json(cls, text: str, specs: dict[str, OpSpec] | None = None) -> Pipeline:
        """Parse JSON; raises ``PipelineError`` with a clear message for unusable files."""
        specs = specs if specs is not None else builtin_specs()
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise PipelineError(f"not a pipeline file: invalid JSON at line {exc.lineno}") from exc
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise PipelineError("not a studio pipeline file (missing \"format\": \"studio-pipeline\")")
        version = data.get("version")
        if not isinstance(version, int) or version > VERSION:
            raise PipelineError(f"this pipeline was saved by a newer studio (format version {version}); "
                                f"this studio reads version {VERSION} and older")
        steps = []
        for i, raw in enumerate(data.get("steps", []), start=1):
            if not isinstance(raw, dict) or "op" not in raw:
                raise PipelineError(f"step {i} has no operation")
            if raw["op"] not in specs:
                raise PipelineError(f"step {i} uses the unknown operation {raw['op']!r} "
                                    f"(a plugin that is not installed?)")
            params = raw.get("params", {})
            try:
                params = specs[raw["op"]].coerce(params)
            except ValueError as exc:
                raise PipelineError(f"step {i}: {exc}") from exc
            steps.append(Step(raw["op"], params, bool(raw.get("enabled", True))))
        return cls(steps)


class PipelineRunner:
    """Runs a pipeline and keeps every step's output, so a change recomputes only the steps
    after the one that changed (and earlier results are reused)."""

    def __init__(self, specs: dict[str, OpSpec] | None = None) -> None:
        self.specs = specs if specs is not None else builtin_specs()
        self._source: np.ndarray | None = None
        self._keys: list[tuple] = []
        self._outputs: list[np.ndarray] = []
        self.step_seconds: list[float] = []  # how long each step took when it was last computed
        self.errors: dict[int, str] = {}

    def run(self, source: np.ndarray, pipeline: Pipeline) -> np.ndarray:
        """The pipeline's output for ``source``; failing steps are skipped and listed in ``errors``."""
        if source is not self._source:
            self._source, self._keys, self._outputs, self.step_seconds = source, [], [], []
        self.errors = {}
        img = source
        for i, step in enumerate(pipeline.steps):
            key = (step.op, tuple(sorted(step.params.items())), step.enabled)
            if i < len(self._keys) and self._keys[i] == key and i < len(self._outputs):
                img = self._outputs[i]
                continue
            del self._keys[i:], self._outputs[i:], self.step_seconds[i:]
            started = time.perf_counter()
            if step.enabled:
                try:
                    img = self.specs[step.op].run(img, step.params)
                except (OpError, KeyError) as exc:
                    self.errors[i] = str(exc)
            self._keys.append(key)
            self._outputs.append(img)
            self.step_seconds.append(time.perf_counter() - started)
        n = len(pipeline.steps)
        del self._keys[n:], self._outputs[n:], self.step_seconds[n:]
        return img


    def outputs(self) -> list[np.ndarray]:
        """Each step's output from the last run (disabled or failed steps pass their input on)."""
        return list(self._outputs)


def run_pipeline(source: np.ndarray, pipeline: Pipeline, specs: dict[str, OpSpec] | None = None) -> np.ndarray:
    """Run every enabled step once (the batch path); raises ``OpError`` on the first failure."""
    specs = specs if specs is not None else builtin_specs()
    img = source
    for step in pipeline.steps:
        if step.enabled:
            img = specs[step.op].run(img, step.params)
    return img
