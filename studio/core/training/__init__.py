"""Training a detector inside studio: what to train on, where, with which settings, in a child process."""
