"""A start model that knows images like the sample's but none of a dataset's labels.

No pretrained model can be downloaded here. The stand-in for one (the usual start: a network
pretrained elsewhere, fine-tuned on your labels) is the demo model with its detection head
(box and class branches) initialized afresh: its backbone and neck saw other images (seed 0),
and every box and class it predicts must be learned from the labels it is trained on. Starting
from the whole demo model instead, the labels barely matter (it already detects these objects);
starting from scratch, 18 epochs on 200 images leave the seeds' spread larger than what the
labels change.
"""

from __future__ import annotations

import copy
from pathlib import Path


def fresh_head_model(source: str | Path, target: str | Path) -> Path:
    """Write ``source``'s checkpoint to ``target`` with the detection head re-initialized."""
    import torch
    from ultralytics.nn import tasks

    with tasks._SafeLoad.loading(str(source)):
        ckpt = torch.load(str(source), weights_only=True)
    net = copy.deepcopy(ckpt.get("ema") or ckpt["model"]).float()
    torch.manual_seed(0)  # the same fresh head on every run of the bench
    head = net.model[-1]
    for branch in (head.cv2, head.cv3):
        for module in branch.modules():
            if hasattr(module, "reset_parameters"):
                module.reset_parameters()
    head.bias_init()
    ckpt.update(model=net.half(), ema=None)
    for key in ("optimizer", "updates", "best_fitness"):
        ckpt.pop(key, None)
    target = Path(target)
    torch.save(ckpt, target)
    return target
