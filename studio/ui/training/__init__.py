"""Training a model from the window: the Train dialog, the live run window, the Tools menu entry."""
