"""The `method` section of a run's config. It lives with the methods, which are built
from it, so that they need not import the run config; which names are valid is the
registry's to say (pretrain.methods.METHODS), checked where the run config is read."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from pretrain.errors import ConfigError, check_positive


@dataclass(frozen=True)
class MethodConfig:
    """name: a key of pretrain.methods.METHODS. head: of cross-entropy, a linear
    classifier on the features, or an MLP (dim -> proj_hidden -> classes) that keeps the
    features less specific to the programs (Wang et al. 2022, "Revisiting the
    Transferability of Supervised Pretraining"). temperature: of SupCon/SimCLR/MoCo
    (None: 0.1, or MoCo v2's 0.2). The projection head is an MLP dim -> proj_hidden ->
    proj_dim. MoCo: queue length and momentum of the key encoder. gather: under DDP,
    contrastive negatives come from every rank."""

    name: str = "ce"
    head: Literal["linear", "mlp"] = "linear"
    temperature: float | None = None
    proj_dim: int = 128
    proj_hidden: int = 2048
    queue: int = 65536
    momentum: float = 0.999
    gather: bool = True

    def __post_init__(self) -> None:
        check_positive("method", self, "proj_dim", "proj_hidden", "queue")
        if self.temperature is not None and self.temperature <= 0:
            raise ConfigError("method.temperature: must be positive")
        if not 0 <= self.momentum < 1:
            raise ConfigError("method.momentum: must be in [0, 1)")

    @property
    def tau(self) -> float:
        if self.temperature is not None:
            return self.temperature
        return 0.2 if self.name == "moco" else 0.1
