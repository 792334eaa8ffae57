"""Translated texts for things core reports as data (findings, states)."""

from __future__ import annotations

from PyQt6.QtCore import QCoreApplication

from studio.core.dataset.index import State
from studio.core.findings import Finding
from studio.core.i18n import CORE_CONTEXT


def finding_text(finding: Finding, with_place: bool = True) -> str:
    """A finding's message in the user's language, with its place (unless ``with_place`` is off)."""
    message = finding.fill(QCoreApplication.translate(CORE_CONTEXT, finding.template))
    place = finding.where() if with_place else ""
    return f"{place}: {message}" if place else message


def error_text(exc: BaseException | str) -> str:
    """An error from core in the user's language (English for messages core cannot template)."""
    from studio.core.i18n import TranslatableMessage

    if isinstance(exc, str) and not isinstance(exc, TranslatableMessage):
        return QCoreApplication.translate("studio.core", exc)
    if isinstance(exc, TranslatableMessage) and exc.template:
        text = QCoreApplication.translate("studio.core", exc.template)
        try:
            return text.format(**exc.params)
        except (KeyError, IndexError):
            return str(exc)
    return str(exc)


def op_text(text: str) -> str:
    """A preprocessing operation's title, category or parameter label in the user's language."""
    return QCoreApplication.translate("studio.ops", text)


def state_text(state: State) -> str:
    """The display name of an image state."""
    return {
        State.UNKNOWN: QCoreApplication.translate("State", "not indexed yet"),
        State.UNLABELED: QCoreApplication.translate("State", "unlabeled"),
        State.NEGATIVE: QCoreApplication.translate("State", "negative (no objects)"),
        State.LABELED: QCoreApplication.translate("State", "labeled"),
        State.ERROR: QCoreApplication.translate("State", "unreadable"),
    }[state]
