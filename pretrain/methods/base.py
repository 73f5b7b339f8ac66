"""What every method is: a module holding `backbone` (the part that is exported) and
whatever heads it trains, whose forward maps views and labels to a loss."""

from __future__ import annotations

from torch import Tensor, nn

from pretrain.views import MixedLabels


class Method(nn.Module):
    """views: how many views of each sample forward() takes (1 or 2).
    mixes_labels: whether MixUp-style soft labels are meaningful to it."""

    views = 1
    uses_labels = False

    def __init__(self, backbone: nn.Module) -> None:
        super().__init__()
        self.backbone = backbone

    def forward(  # type: ignore[override]
        self, views: list[Tensor], labels: MixedLabels
    ) -> tuple[Tensor, dict[str, float]]:
        """views: `self.views` tensors (B, 3, H, W); labels: soft program labels (B, M).
        Returns the loss and metrics to log."""
        raise NotImplementedError

    def after_step(self) -> None:
        """Called after each optimiser step (MoCo's momentum update goes here)."""
