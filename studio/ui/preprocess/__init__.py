"""The preprocessing studio: pipeline editor, live preview, histogram, batch runs."""
