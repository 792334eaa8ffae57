"""studio: a desktop studio for building object-detection datasets."""

__version__ = "0.1.0"
