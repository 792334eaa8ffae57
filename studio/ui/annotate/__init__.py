"""Annotation: the canvas, the editor, image list and loader, class and box panels."""
