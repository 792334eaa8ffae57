"""Labels: boxes, YOLO label files, class lists, one image's labels being edited."""
