"""The run config: typed YAML, dotted overrides, one-line errors that name the key."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from pretrain.config import (
    ConfigError,
    RunConfig,
    config_from_dict,
    config_to_dict,
    load_config,
    packaged_configs,
    save_config,
)


def test_defaults_and_overrides() -> None:
    config = load_config(None, ["optim.lr=0.05", "data.size=32", "method.name=simclr"])
    assert config.optim.lr == 0.05
    assert config.data.size == 32
    assert config.method.name == "simclr"
    assert config.method.tau == 0.1
    assert load_config(None, ["method.name=moco"]).method.tau == 0.2


@pytest.mark.parametrize("name", packaged_configs())
def test_every_packaged_config_loads(name: str) -> None:
    assert isinstance(load_config(name), RunConfig)


def test_packaged_configs_cover_the_issue() -> None:
    names = set(packaged_configs())
    assert {
        "demo-cpu",
        "resnet50-mocov2-mixup-224",
        "alexnet64-ce",
        "alexnet64-supcon",
        "alexnet64-simclr",
    } <= names


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        (["optim.lrr=0.1"], "optim.lrr: unknown key"),
        (["optim.lr=fast"], "optim.lr: expected a number, got 'fast'"),
        (["data.size=3.5"], "data.size: expected an integer"),
        (["train.amp=maybe"], "train.amp: expected true or false"),
        (["method.name=byol"], "method.name: expected one of ce, supcon, simclr, moco"),
        (["views.mix=blend"], "views.mix: expected one of"),
        (["data=3"], "data: expected a section of keys"),
        (["data.size=0"], "data.size: must be positive"),
        (["data.params.time=random"], "data.params: time must be uniform or continuous"),
        (["method.name=supcon", "views.mix=convex"], "views.mix: SupCon needs"),
        (["bogus=1"], "bogus: unknown key"),
        (["optim.milestones=[0.5, 2]"], "optim.milestones"),
        (["novalue"], "expected key=value"),
        # Issue 23 items 7, 10, 11: refused when read, not deep in a worker or in torch.
        (["data.size=5000"], "data.size: must be in 1..4096 px, got 5000"),
        (["views.size=5000"], "views.size: must be in 1..4096 px"),
        (["data.workers=-1"], "data.workers: must be 0"),
        (["train.device=banana"], "train.device: expected auto, cpu or cuda:N, got 'banana'"),
        (["data.render_device=gpu"], "data.render_device: expected auto, cpu or cuda:N"),
        (["name="], "name: expected a folder name"),
        (["name=../elsewhere"], "name: expected a folder name"),
    ],
)
def test_bad_values_name_the_key(overrides: list[str], message: str) -> None:
    with pytest.raises(ConfigError) as error:
        load_config(None, overrides)
    assert message in str(error.value)
    assert "\n" not in str(error.value)


def test_method_and_mix_names_come_from_their_registries(monkeypatch: pytest.MonkeyPatch) -> None:
    from pretrain.methods import METHODS
    from pretrain.views import MIXERS

    monkeypatch.setitem(METHODS, "byol", METHODS["simclr"])
    monkeypatch.setitem(MIXERS, "blend", MIXERS["convex"])
    config = load_config(None, ["method.name=byol", "views.mix=blend"])
    assert (config.method.name, config.views.mix) == ("byol", "blend")
    with pytest.raises(
        ConfigError, match=r"method\.name: expected one of ce, supcon, simclr, moco, byol"
    ):
        load_config(None, ["method.name=swav"])


def test_bad_yaml_and_missing_file(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("data:\n  size: [1,\n")
    with pytest.raises(ConfigError, match="not valid YAML"):
        load_config(str(broken))
    top = tmp_path / "list.yaml"
    top.write_text("- 1\n- 2\n")
    with pytest.raises(ConfigError, match="mapping of sections"):
        load_config(str(top))
    with pytest.raises(ConfigError, match="no such config"):
        load_config(str(tmp_path / "absent.yaml"))
    # Issue 23 item 11: an empty file trained every default; a Latin-1 one gave a codec
    # message without the file's name.
    empty = tmp_path / "empty.yaml"
    empty.write_text("# nothing yet\n")
    with pytest.raises(ConfigError, match=r"empty\.yaml: empty"):
        load_config(str(empty))
    latin = tmp_path / "latin.yaml"
    latin.write_bytes("name: caf\u00e9\n".encode("latin-1"))
    with pytest.raises(ConfigError, match=r"latin\.yaml: not UTF-8 text"):
        load_config(str(latin))


def test_valid_devices_and_worker_counts_pass() -> None:
    config = load_config(None, ["train.device=cuda:1", "data.workers=0", "data.size=4096"])
    assert (config.train.device, config.data.workers, config.data.size) == ("cuda:1", 0, 4096)


def test_resolved_config_round_trips(tmp_path: Path) -> None:
    config = load_config("demo-cpu", ["data.params.latent_sigma.time=0.25"])
    save_config(config, tmp_path / "config.yaml")
    again = load_config(str(tmp_path / "config.yaml"))
    assert again == config
    assert config_from_dict(config_to_dict(config)) == config


def test_a_mapping_set_in_part_keeps_its_other_defaults() -> None:
    sigma = load_config("demo-cpu", ["data.params.latent_sigma.time=2.0"]).data.params.latent_sigma
    assert sigma == {"time": 2.0, "mouse": 0.05}
    zero = load_config("demo-cpu", ["data.params.latent_sigma={time: 0, mouse: 0}"])
    assert zero.data.params.latent_sigma == {"time": 0.0, "mouse": 0.0}


def test_views_can_be_smaller_than_the_renders() -> None:
    from pretrain.train.inputs import augment_config

    config = load_config(None, ["data.size=64", "views.size=32", "views.grayscale_p=0.5"])
    assert config.input_size == 32
    recipe = augment_config(config.views, config.data.size)
    assert recipe is not None and recipe.size == 32 and recipe.grayscale_p == 0.5
    with pytest.raises(ConfigError, match=r"views\.size: recipe none"):
        load_config(None, ["data.size=64", "views.size=32", "views.recipe=none"])


def test_demo_cpu_long_is_demo_cpu_for_four_times_the_steps() -> None:
    # The photo recipe's figures come from demo-cpu at 2,400 steps (docs/BENCHMARKS.md):
    # the packaged config must be exactly that run.
    short, long = load_config("demo-cpu"), load_config("demo-cpu-long")
    assert long.train.steps == 4 * short.train.steps == 2400
    renamed = dataclasses.replace(
        long, name=short.name, train=dataclasses.replace(long.train, steps=short.train.steps)
    )
    assert renamed == short
