"""Cross-entropy with the program id as the class (Shaders-21k's supervised recipe);
MixUp/CutMix give soft labels. The head is linear or an MLP (method.head)."""

from __future__ import annotations

from torch import Tensor, nn

from pretrain.methods.base import Method
from pretrain.methods.config import MethodConfig
from pretrain.methods.heads import projection_mlp
from pretrain.views import MixedLabels, soft_cross_entropy


class CrossEntropy(Method):
    views = 1
    uses_labels = True

    def __init__(
        self, backbone: nn.Module, feature_dim: int, num_classes: int, config: MethodConfig
    ) -> None:
        super().__init__(backbone)
        if config.head == "mlp":
            self.classifier: nn.Module = projection_mlp(
                feature_dim, config.proj_hidden, num_classes
            )
        else:
            self.classifier = nn.Linear(feature_dim, num_classes)

    def forward(  # type: ignore[override]
        self, views: list[Tensor], labels: MixedLabels
    ) -> tuple[Tensor, dict[str, float]]:
        logits = self.classifier(self.backbone(views[0]))
        loss = soft_cross_entropy(logits, labels)
        top = labels.indices.gather(1, labels.weights.argmax(dim=1, keepdim=True))[:, 0]
        accuracy = (logits.argmax(dim=1) == top).float().mean()
        return loss, {"train_acc": float(accuracy)}
