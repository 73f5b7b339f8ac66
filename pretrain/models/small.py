"""Small backbones for small images, built from torchvision's own blocks.

- `alexnet64`: the five-convolution AlexNet layout of the small-scale studies (CMC,
  Tian et al. 2019; "Learning to See by Looking at Noise", Baradad et al. 2021;
  Shaders-21k's AlexNet-at-64-px runs), with batch norm and a global average pool so
  that it trains at 32-128 px. Not weight-compatible with torchvision's 224 px AlexNet.
- `resnet18_small`: torchvision's ResNet-18 at half width (32-64-128-256 channels) with
  a 3x3 stride-1 stem and no max-pool, the usual layout for 32-64 px images. It is a
  torchvision `ResNet`, so its keys are torchvision's, but its tensors' shapes fit no
  torchvision constructor: its weights load only into this function's model.
"""

from __future__ import annotations

from torch import Tensor, nn
from torchvision.models.resnet import BasicBlock, ResNet


class AlexNet64(nn.Module):
    """(B, 3, H, W) -> (B, 256) for H, W >= 32."""

    feature_dim = 256

    def __init__(self) -> None:
        super().__init__()

        def conv(cin: int, cout: int, kernel: int, stride: int = 1) -> list[nn.Module]:
            return [
                nn.Conv2d(cin, cout, kernel, stride, kernel // 2, bias=False),
                nn.BatchNorm2d(cout),
                nn.ReLU(inplace=True),
            ]

        self.features = nn.Sequential(
            *conv(3, 96, 5),
            nn.MaxPool2d(3, 2, 1),
            *conv(96, 256, 5),
            nn.MaxPool2d(3, 2, 1),
            *conv(256, 384, 3),
            *conv(384, 384, 3),
            *conv(384, 256, 3),
            nn.MaxPool2d(3, 2, 1),
        )
        self.pool = nn.AdaptiveAvgPool2d(1)

    def forward(self, x: Tensor) -> Tensor:
        return self.pool(self.features(x)).flatten(1)


def resnet18_small(width: int = 32) -> ResNet:
    """ResNet-18 with stage widths width*(1, 2, 4, 8), 3x3 stem, no max-pool, no head.
    Output (B, 8 * width)."""
    model = ResNet(BasicBlock, [2, 2, 2, 2])
    # _make_layer reads the running input width from `inplanes`.
    model.inplanes = width
    model.conv1 = nn.Conv2d(3, width, 3, 1, 1, bias=False)
    model.bn1 = nn.BatchNorm2d(width)
    model.maxpool = nn.Identity()
    model.layer1 = model._make_layer(BasicBlock, width, 2)
    model.layer2 = model._make_layer(BasicBlock, width * 2, 2, stride=2)
    model.layer3 = model._make_layer(BasicBlock, width * 4, 2, stride=2)
    model.layer4 = model._make_layer(BasicBlock, width * 8, 2, stride=2)
    model.fc = nn.Identity()
    for module in model.modules():
        if isinstance(module, nn.Conv2d):
            nn.init.kaiming_normal_(module.weight, mode="fan_out", nonlinearity="relu")
    return model
