"""Model loading and inference; the only part of studio that touches Ultralytics."""
