"""pretrain: pretraining vision backbones on shaderbank's live stream of images."""

from __future__ import annotations

__version__ = "0.1.0"
