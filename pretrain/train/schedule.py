"""Learning-rate schedules as a factor of the base rate per step: linear warm-up, then
cosine to zero, steps at fractions of the run, or constant."""

from __future__ import annotations

import math

from pretrain.config import OptimConfig


def lr_factor(step: int, total: int, optim: OptimConfig) -> float:
    """The factor for optimiser step `step` (0-based) of `total`."""
    if step < optim.warmup_steps:
        return (step + 1) / optim.warmup_steps
    if optim.schedule == "constant":
        return 1.0
    if optim.schedule == "cosine":
        span = max(1, total - optim.warmup_steps)
        progress = min(1.0, (step - optim.warmup_steps) / span)
        return 0.5 * (1.0 + math.cos(math.pi * progress))
    passed = sum(step >= milestone * total for milestone in optim.milestones)
    return optim.gamma**passed
