"""The per-program parameter pool (`data.params.pool`): K fixed points per program."""

from __future__ import annotations

from pathlib import Path

import pytest

from pretrain.config import ConfigError, load_config
from pretrain.data import ParamConfig, RenderStream, StreamConfig
from shaderbank.program.sampling import generator, parameter_pool, program_key, sample_params
from tests.pretrain.data.test_stream import make_bank


def test_without_a_pool_the_draws_are_unchanged() -> None:
    # The pool is additive: a config without one draws exactly what it drew before.
    config = ParamConfig()
    assert sample_params(config, generator(7), 5) == sample_params(config, generator(7), 5, "a")
    assert len(set(sample_params(config, generator(7), 50))) == 50


def test_a_pool_holds_k_points_per_program_fixed_by_seed_and_id() -> None:
    config = ParamConfig(pool=3)
    draws = sample_params(config, generator(1), 200, "fbm/a")
    assert set(draws) == set(parameter_pool(config, "fbm/a"))
    assert len(set(draws)) == 3
    # The same program has the same pool whatever generator draws from it ...
    assert set(sample_params(config, generator(99), 200, "fbm/a")) == set(draws)
    # ... another program or pool seed has another.
    assert set(parameter_pool(config, "fbm/b")).isdisjoint(draws)
    assert set(parameter_pool(ParamConfig(pool=3, pool_seed=1), "fbm/a")).isdisjoint(draws)


def test_program_key_is_stable_across_processes() -> None:
    assert program_key("fbm/ember-warp") == program_key("fbm/ember-warp")
    assert program_key("a") != program_key("b")
    assert 0 <= program_key("x") < 2**63


def test_the_pool_is_a_config_key() -> None:
    assert load_config("demo-cpu", ["data.params.pool=16"]).data.params.pool == 16
    assert load_config("demo-cpu").data.params.pool is None
    with pytest.raises(ConfigError, match=r"data\.params: pool must be positive"):
        load_config("demo-cpu", ["data.params.pool=0"])


def test_the_stream_draws_each_program_from_its_pool(tmp_path: Path) -> None:
    root, ids = make_bank(tmp_path / "bank")
    params = ParamConfig(pool=2, mouse_probability=0.0)
    config = StreamConfig(
        size=16, batch_size=16, images_per_program=4, workers=1, seed=3, params=params
    )
    times: dict[int, set[float]] = {}
    with RenderStream([root], ids, config) as stream:
        for batch in stream.batches(0, 4):
            rows = zip(batch.labels.tolist(), batch.params[:, 0, 0].tolist(), strict=True)
            for label, time in rows:
                times.setdefault(label, set()).add(round(time, 4))
    assert times and all(len(seen) <= 2 for seen in times.values())
    for label, seen in times.items():
        pool = {round(point.time, 4) for point in parameter_pool(params, ids[label])}
        assert seen <= pool
