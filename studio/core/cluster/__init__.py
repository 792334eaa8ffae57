"""Per-image work on a Ray cluster (the optional ``cluster`` extra): connection and the runner."""
