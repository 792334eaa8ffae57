"""studio's bundled files (installed as the ``studio_resources`` package); see ``studio.core.bundled``."""
