"""Translation markers for core, which may not import Qt.

``QT_TRANSLATE_NOOP(context, text)`` returns ``text`` unchanged at run time; pylupdate6
recognises the call by name and extracts the literal, so the UI can later show it
through ``QCoreApplication.translate(context, text)`` in the user's language.
"""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - name pylupdate looks for
    """Mark ``text`` for translation in ``context``; returns it unchanged."""
    return text


CORE_CONTEXT = "studio.core"


class TranslatableMessage:
    """A message as an English template plus parameters, so the UI can show it translated.

    ``str()`` gives the English text (CLI, logs); the UI formats
    ``QCoreApplication.translate(CORE_CONTEXT, template)`` with the same parameters.
    """

    template: str = ""
    params: dict

    def _init_message(self, template: str, params: dict) -> str:
        self.template, self.params = template, dict(params)
        try:
            return template.format(**params)
        except (KeyError, IndexError):
            return template


class Message(str, TranslatableMessage):
    """A translatable message that is not an error (a problem in a report): it *is* its English
    text, so it prints and compares as a string, and it carries its template for the UI.

    >>> m = Message(QT_TRANSLATE_NOOP("studio.core", "box {n} left out"), n=3)
    >>> m, m.template
    ('box 3 left out', 'box {n} left out')
    """

    def __new__(cls, template: str, /, **params: object) -> Message:
        try:
            text = template.format(**params)
        except (KeyError, IndexError):
            text = template
        out = super().__new__(cls, text)
        out.template, out.params = template, dict(params)
        return out
