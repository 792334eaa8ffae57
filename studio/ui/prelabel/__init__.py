"""Pre-labeling in the window: the model slot, trust question, run controller, dialog, menu."""
