"""A user's own transform of the rendered uint8 batches, named by import path.

`data.transform: "package.module:name"` names a class or factory; it is called with
`data.transform_args` as keywords to make the transform, for example
`torchvision.transforms.v2:RandomGrayscale` with `{p: 0.2}`, or a function of the user's
that returns a `torchvision.transforms.v2.Compose`. The transform gets each batch's
images as one uint8 tensor, (B, 3, H, W), or (B, V, 3, H, W) with rendered views, on the
training device, before mixing and the method's augmentations, and must return a uint8
tensor of the same shape. torchvision's v2 transforms take the leading dimensions as a
batch and draw their randomness once per call, so one draw serves the whole batch;
kornia's augmentations draw per image but work on floats, so wrap them in a function
that converts. Randomness from torch's global generator is restored on --resume, so a
resumed run still equals an uninterrupted one.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from typing import Any

from torch import Tensor

from pretrain.errors import ConfigError

Transform = Callable[[Tensor], Tensor]


def load_transform(
    path: str, args: Mapping[str, Any] | None = None, key: str = "data.transform"
) -> Transform:
    """The transform that `path` ("module:name", or "module.name") makes with `args`. A
    path that does not import, or an object that does not make a callable, is a
    ConfigError naming `key`."""
    module_name, sep, name = path.partition(":")
    if not sep:
        module_name, _, name = path.rpartition(".")
    if not module_name or not name:
        raise ConfigError(f"{key}: expected an import path like package.module:Name, got {path!r}")
    try:
        target: Any = importlib.import_module(module_name)
    except ImportError as error:
        raise ConfigError(f"{key}: cannot import {module_name} ({error})") from None
    for part in name.split("."):
        try:
            target = getattr(target, part)
        except AttributeError:
            raise ConfigError(f"{key}: {module_name} has no {name}") from None
    if not callable(target):
        raise ConfigError(f"{key}: {path} is not a class or function")
    try:
        transform = target(**dict(args or {}))
    except TypeError as error:
        raise ConfigError(f"{key}: {path}(**transform_args) failed: {error}") from None
    if not callable(transform):
        raise ConfigError(
            f"{key}: {path}(...) returned {type(transform).__name__}, not a transform"
        )
    return transform


def apply_transform(transform: Transform, images: Tensor) -> Tensor:
    """transform(images), checked to be a uint8 batch of the same shape."""
    out = transform(images)
    if not isinstance(out, Tensor) or out.dtype != images.dtype or out.shape != images.shape:
        got = f"{out.dtype} {tuple(out.shape)}" if isinstance(out, Tensor) else type(out).__name__
        raise ConfigError(
            f"data.transform: must return a {images.dtype} tensor of shape "
            f"{tuple(images.shape)}, returned {got}"
        )
    return out
