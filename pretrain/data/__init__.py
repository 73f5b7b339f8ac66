"""Data for pretraining: the render stream and its parameter sampling.

Exports resolve lazily: stream workers import pretrain.data._worker, and an eager
import of the stream here would load torch into every worker for nothing.
"""

from __future__ import annotations

from typing import Any

_EXPORTS = {
    "Batch": "pretrain.data.stream",
    "RenderStream": "pretrain.data.stream",
    "StreamConfig": "pretrain.data.stream",
    "ParamConfig": "shaderbank.program.sampling",
}
__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name not in _EXPORTS:
        raise AttributeError(f"module 'pretrain.data' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(_EXPORTS[name]), name)
