"""Datasets: layout, Ultralytics' path rules, image decoding, the index, the sample, exports."""
