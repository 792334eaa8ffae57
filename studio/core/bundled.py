"""Files studio ships: translations, the Hangul font, the demo model, the user guide, a photo.

They live in the ``studio_resources`` package (the repository's ``resources/`` folder,
installed under that name by the wheel) and are found with ``importlib.resources``, in a
source checkout (an editable install) and in an installed wheel alike. Nothing is looked up
relative to the repository.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

PACKAGE = "studio_resources"


def resource(*parts: str) -> Path:
    """The bundled file or folder at ``parts`` (it may not exist; callers check)."""
    return Path(str(resources.files(PACKAGE).joinpath(*parts)))


def translations_dir() -> Path:
    """Compiled Qt translations (``studio_<lang>.qm``)."""
    return resource("i18n")


def hangul_font() -> Path:
    """The bundled Hangul + Latin font (OFL; its licence sits beside it)."""
    return resource("fonts", "NotoSansKR-studio.otf")


def demo_model() -> Path:
    """The demo detector trained on the sample dataset."""
    return resource("models", "demo-fruit.pt")


def guide_dir() -> Path:
    """The user guide (``user-guide.<lang>.md``) and its screenshots."""
    return resource("guide")


def sample_photo() -> Path:
    """A real photo to tune preprocessing on when no image is open (scikit-image's coins)."""
    return resource("photos", "coins.png")
