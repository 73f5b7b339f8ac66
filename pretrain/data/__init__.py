"""Data for pretraining: the render stream (a torch IterableDataset of batches), its
parameter sampling and the user transform hook.

Exports resolve lazily: stream workers import pretrain.data._worker, and an eager
import of the stream here would load torch into every worker for nothing.
"""

from __future__ import annotations

from typing import Any

# Images of one program rendered per compile, the one default of the stream and of a
# run's data section. 1: side by side in a batch, several images of one program leave
# fewer classes per batch, and cross-entropy on the demo then transferred worse
# (docs/BENCHMARKS.md, issue 8); with `spread`, more keep a large bank's compiles few.
IMAGES_PER_PROGRAM = 1

_EXPORTS = {
    "Batch": "pretrain.data.stream",
    "RenderStream": "pretrain.data.stream",
    "StreamConfig": "pretrain.data.stream",
    "load_transform": "pretrain.data.transform",
    "ParamConfig": "shaderbank.program.sampling",
}
__all__ = ["IMAGES_PER_PROGRAM", *sorted(_EXPORTS)]


def __getattr__(name: str) -> Any:
    if name not in _EXPORTS:
        raise AttributeError(f"module 'pretrain.data' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(_EXPORTS[name]), name)
