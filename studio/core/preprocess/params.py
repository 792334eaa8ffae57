"""Parameter declarations: each op declares its parameters once; UI controls, validation,
JSON and exported code all come from these declarations.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


class ParamError(ValueError):
    """A parameter value that cannot be used (wrong type, not a choice)."""


@dataclass(frozen=True)
class Param:
    """Base of every parameter: a name, a label for the UI, a default."""

    name: str
    label: str
    default: Any

    def coerce(self, value: Any) -> Any:
        """The nearest valid value (raises ``ParamError`` when there is none)."""
        return value


@dataclass(frozen=True)
class IntParam(Param):
    """An integer in ``[minimum, maximum]``; ``odd`` rounds even values up (kernel sizes)."""

    minimum: int = 0
    maximum: int = 255
    step: int = 1
    odd: bool = False

    def coerce(self, value: Any) -> int:
        try:
            v = int(round(float(value)))
        except (TypeError, ValueError) as exc:
            raise ParamError(f"{self.name}: {value!r} is not a whole number") from exc
        v = max(self.minimum, min(self.maximum, v))
        if self.odd and v % 2 == 0:
            v = v + 1 if v + 1 <= self.maximum else v - 1
        return v


@dataclass(frozen=True)
class FloatParam(Param):
    """A real number in ``[minimum, maximum]``."""

    minimum: float = 0.0
    maximum: float = 1.0
    step: float = 0.1
    decimals: int = 2

    def coerce(self, value: Any) -> float:
        try:
            v = float(value)
        except (TypeError, ValueError) as exc:
            raise ParamError(f"{self.name}: {value!r} is not a number") from exc
        if v != v:
            raise ParamError(f"{self.name}: NaN is not allowed")
        return max(self.minimum, min(self.maximum, v))


@dataclass(frozen=True)
class ChoiceParam(Param):
    """One of a fixed list of strings; ``labels`` (parallel to ``choices``) are what the UI
    shows when the stored value is not a good label by itself."""

    choices: tuple[str, ...] = ()
    labels: tuple[str, ...] = ()

    def label_of(self, choice: str) -> str:
        """The text the UI shows for ``choice`` (untranslated)."""
        if self.labels and choice in self.choices:
            return self.labels[self.choices.index(choice)]
        return choice

    def coerce(self, value: Any) -> str:
        if value not in self.choices:
            raise ParamError(f"{self.name}: {value!r} is not one of {', '.join(self.choices)}")
        return str(value)


@dataclass(frozen=True)
class BoolParam(Param):
    """On or off."""

    def coerce(self, value: Any) -> bool:
        if isinstance(value, str):
            return value.strip().lower() in ("1", "true", "yes", "on")
        return bool(value)
