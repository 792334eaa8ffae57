"""Labels from other tools in, and out again: Pascal VOC, labelme / X-AnyLabeling, COCO, CVAT."""
