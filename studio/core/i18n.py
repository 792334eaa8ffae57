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
