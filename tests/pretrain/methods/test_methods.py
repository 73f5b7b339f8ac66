"""Every method trains: a few steps on one fixed batch lower its loss."""

from __future__ import annotations

import pytest
import torch

from pretrain.config import ViewsConfig
from pretrain.data.stream import Batch
from pretrain.methods import METHODS, MethodConfig
from pretrain.models import create_backbone
from pretrain.train.inputs import augment_config, make_views


def fixed_batch(classes: int = 4, per_class: int = 4, size: int = 16) -> Batch:
    """Images of `classes` distinct colour patterns with a little noise each."""
    generator = torch.Generator().manual_seed(0)
    patterns = torch.rand(classes, 3, size, size, generator=generator)
    labels = torch.arange(classes).repeat_interleave(per_class)
    noise = 0.1 * torch.rand(len(labels), 3, size, size, generator=generator)
    images = ((patterns[labels] * 0.9 + noise) * 255).to(torch.uint8)
    return Batch(0, images, labels, torch.zeros(len(labels), 1, 6))


@pytest.mark.parametrize("name", sorted(METHODS))
def test_loss_decreases_on_a_fixed_batch(name: str) -> None:
    torch.manual_seed(0)
    backbone = create_backbone("resnet18_small")
    # MoCo's queue holds exactly one batch of keys, so its negatives are the batch's
    # other images from the start (a random initial queue would make step 0 easy).
    config = MethodConfig(name=name, queue=16, proj_hidden=64, proj_dim=32, momentum=0.9)
    method = METHODS[name](backbone.module, backbone.feature_dim, 4, config)
    optimizer = torch.optim.SGD(method.parameters(), lr=0.05, momentum=0.9)
    views_config = ViewsConfig(recipe="crop_flip")
    recipe = augment_config(views_config, 16)
    batch = fixed_batch()
    cpu = torch.device("cpu")
    with torch.no_grad():
        method(*make_views(batch, method.views, views_config, recipe, torch.Generator(), cpu))
    losses = []
    for step in range(10):
        generator = torch.Generator().manual_seed(step)
        views, labels = make_views(batch, method.views, views_config, recipe, generator, cpu)
        loss, _ = method(views, labels)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        method.after_step()
        losses.append(float(loss.detach()))
    assert all(torch.isfinite(torch.tensor(losses)))
    assert sum(losses[-3:]) / 3 < sum(losses[:3]) / 3, losses


def test_cross_entropy_with_an_mlp_head() -> None:
    backbone = create_backbone("resnet18_small")
    config = MethodConfig(name="ce", head="mlp", proj_hidden=64)
    method = METHODS["ce"](backbone.module, backbone.feature_dim, 4, config)
    assert isinstance(method.classifier, torch.nn.Sequential)
    views, labels = make_views(
        fixed_batch(), 1, ViewsConfig(recipe="none"), None, torch.Generator(), torch.device("cpu")
    )
    loss, _ = method(views, labels)
    assert loss.ndim == 0 and torch.isfinite(loss)


def test_moco_queue_takes_the_keys_and_momentum_moves_the_key_encoder() -> None:
    torch.manual_seed(0)
    backbone = create_backbone("resnet18_small")
    config = MethodConfig(name="moco", queue=20, proj_hidden=32, proj_dim=8, momentum=0.5)
    method = METHODS["moco"](backbone.module, backbone.feature_dim, 4, config)
    before_queue = method.queue.clone()
    key_before = next(method.key_backbone.parameters()).clone()
    with torch.no_grad():
        next(method.backbone.parameters()).add_(1.0)
    views, labels = make_views(
        fixed_batch(), 2, ViewsConfig(recipe="none"), None, torch.Generator(), torch.device("cpu")
    )
    method(views, labels)
    assert int(method.queue_pointer) == 16
    assert not torch.equal(method.queue[:16], before_queue[:16])
    assert torch.equal(method.queue[16:], before_queue[16:])
    moved = next(method.key_backbone.parameters())
    assert torch.allclose(moved, key_before + 0.5, atol=1e-6)  # m * key + (1 - m) * (key + 1)


def test_mixed_views_carry_soft_labels() -> None:
    views_config = ViewsConfig(recipe="none", mix="convex", mix_k=3)
    views, labels = make_views(
        fixed_batch(), 1, views_config, None, torch.Generator().manual_seed(0), torch.device("cpu")
    )
    assert views[0].shape == (16, 3, 16, 16)
    assert labels.indices.shape == (16, 3)
    assert torch.allclose(labels.weights.sum(dim=1), torch.ones(16))


@pytest.mark.parametrize("name", ["simclr", "supcon"])
def test_contrastive_methods_pass_their_configured_temperature(
    name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Issue 23 item 14: a method that passed 1.0 instead of its temperature trained and
    # passed every test, since only the loss function itself was tested.
    import pretrain.methods.contrastive as contrastive
    from pretrain.methods.losses import supcon_loss

    seen: list[float] = []

    def spy(z: torch.Tensor, ids: torch.Tensor, temperature: float, *rest: object) -> torch.Tensor:
        seen.append(temperature)
        return supcon_loss(z, ids, temperature, *rest)  # type: ignore[arg-type]

    monkeypatch.setattr(contrastive, "supcon_loss", spy)
    backbone = create_backbone("resnet18_small")
    config = MethodConfig(name=name, proj_hidden=16, proj_dim=8)
    assert config.tau != 1.0
    method = METHODS[name](backbone.module, backbone.feature_dim, 4, config)
    views_config = ViewsConfig(recipe="crop_flip")
    views, labels = make_views(
        fixed_batch(), 2, views_config, augment_config(views_config, 16), torch.Generator(), "cpu"
    )
    method(views, labels)
    assert seen == [config.tau]
