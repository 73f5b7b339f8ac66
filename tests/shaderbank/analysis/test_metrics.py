"""Diversity metrics on images whose answer is known, the study on built-in programs,
and `shaderbank select --by` over its results."""

from __future__ import annotations

import csv
import math
from pathlib import Path

import numpy as np
import pytest

from shaderbank.analysis import metrics
from shaderbank.analysis.random_features import feature_diversity, random_features
from shaderbank.analysis.stats import fit_line, mean_interval, rankdata, spearman, t_quantile
from shaderbank.analysis.study import METRICS, ProgramDiversity, rank_programs, read_results
from shaderbank.bank.selection import read_selection
from shaderbank.cli.main import main
from shaderbank.errors import ShaderbankError

SIDE = 64


def constant(value: tuple[int, int, int] = (128, 128, 128), count: int = 4) -> np.ndarray:
    return np.broadcast_to(np.array(value, np.uint8), (count, SIDE, SIDE, 3)).copy()


def noise(count: int = 4, seed: int = 0) -> np.ndarray:
    return np.random.default_rng(seed).integers(0, 256, (count, SIDE, SIDE, 3), dtype=np.uint8)


def power_law(exponent: float, count: int = 8, side: int = 128, seed: int = 0) -> np.ndarray:
    """Grey images whose power spectrum is exactly 1/f^exponent (random phases, a
    Hermitian spectrum so the image is real), float in [0, 1]."""
    rng = np.random.default_rng(seed)
    radius = np.hypot(np.fft.rfftfreq(side)[None, :], np.fft.fftfreq(side)[:, None]) * side
    radius[0, 0] = 1.0
    amplitude = radius ** (-exponent / 2)
    amplitude[0, 0] = 0.0
    images = []
    for _ in range(count):
        phase = np.exp(2j * np.pi * rng.random(amplitude.shape))
        field = np.fft.irfft2(amplitude * phase, s=(side, side))
        field = (field - field.min()) / (field.max() - field.min())
        images.append(np.repeat(field[..., None], 3, axis=-1))
    return np.stack(images).astype(np.float32)


# -- metrics ----------------------------------------------------------------------------


def test_diversity_is_zero_for_copies_and_high_for_noise() -> None:
    assert metrics.pixel_diversity(constant()) == 0.0
    assert feature_diversity(constant()) == pytest.approx(0.0, abs=1e-5)
    # Independent uniform pixels differ by sqrt(1/6) ~ 0.408 RMS.
    assert metrics.pixel_diversity(noise()) == pytest.approx(math.sqrt(1 / 6), abs=0.01)
    assert feature_diversity(noise()) > 0.0
    varied = np.concatenate([constant((0, 0, 0), 2), constant((255, 255, 255), 2)])
    # Two black and two white: 4 of 6 pairs are 1 apart.
    assert metrics.pixel_diversity(varied) == pytest.approx(4 / 6)


def test_mean_pairwise_distance_matches_the_definition() -> None:
    rows = np.random.default_rng(1).normal(size=(7, 5))
    pairs = [np.linalg.norm(rows[i] - rows[j]) for i in range(7) for j in range(i + 1, 7)]
    assert metrics.mean_pairwise_distance(rows) == pytest.approx(np.mean(pairs))
    assert metrics.mean_pairwise_distance(rows[:1]) == 0.0


def test_random_features_are_fixed_by_their_seed() -> None:
    images = noise(3)
    assert np.array_equal(random_features(images), random_features(images))
    assert not np.allclose(random_features(images, seed=1), random_features(images, seed=0))
    assert np.linalg.norm(random_features(images), axis=1) == pytest.approx(1.0, abs=1e-5)


def test_colourfulness_is_zero_for_grey_and_known_for_flat_colours() -> None:
    assert metrics.colourfulness(constant((90, 90, 90))) == pytest.approx(0.0)
    grey_noise = np.repeat(noise()[..., :1], 3, axis=-1)
    assert metrics.colourfulness(grey_noise) == pytest.approx(0.0)
    # Flat red: rg = 255, yb = 127.5, no spread: 0.3 * sqrt(255^2 + 127.5^2).
    red = metrics.colourfulness(constant((255, 0, 0)))
    assert red == pytest.approx(0.3 * math.hypot(255, 127.5))
    assert metrics.colourfulness(noise()).min() > red.max() / 2


def test_coverage_is_zero_for_a_constant_image_and_counts_a_drawn_disc() -> None:
    assert np.all(metrics.coverage(constant()) == 0.0)
    assert metrics.coverage(noise()).min() > 0.95
    image = constant((10, 10, 10), 1)
    ys, xs = np.indices((SIDE, SIDE))
    disc = (ys - 32) ** 2 + (xs - 32) ** 2 < 16**2
    image[0][disc] = (200, 50, 50)
    assert metrics.coverage(image)[0] == pytest.approx(disc.mean())


def test_spectral_slope_of_noise_and_of_power_law_images() -> None:
    # The Hann window smears the lowest rings a little: each image lands within 0.2 of
    # its exponent, and the median (what a program's row holds) within 0.1.
    assert np.abs(metrics.spectral_slope(noise())).max() < 0.15
    assert np.median(metrics.spectral_slope(power_law(0.0))) == pytest.approx(0.0, abs=0.1)
    natural = metrics.spectral_slope(power_law(2.0))
    assert np.median(natural) == pytest.approx(-2.0, abs=0.1)
    assert natural == pytest.approx(-2.0, abs=0.2)
    assert np.median(metrics.spectral_slope(power_law(3.0))) == pytest.approx(-3.0, abs=0.1)
    assert np.isnan(metrics.spectral_slope(constant())).all()


def test_edge_density_is_zero_for_flat_images_and_high_for_noise() -> None:
    assert np.all(metrics.edge_density(constant()) == 0.0)
    # Luma averages three independent channels, so a few noise pixels sit in flat spots.
    assert metrics.edge_density(noise()).min() > 0.75
    # One vertical step: only the two columns next to it are edges.
    step = constant((0, 0, 0), 1)
    step[0, :, SIDE // 2 :] = 255
    assert metrics.edge_density(step)[0] == pytest.approx(2 / (SIDE - 2))


def test_temporal_change_is_zero_for_a_still_program() -> None:
    assert np.all(metrics.temporal_change(noise(), noise()) == 0.0)
    black, white = constant((0, 0, 0)), constant((255, 255, 255))
    assert np.all(metrics.temporal_change(black, white) == 1.0)
    with pytest.raises(ValueError, match="differ in shape"):
        metrics.temporal_change(noise(2), noise(3))


def test_uint8_and_float_inputs_agree() -> None:
    images = noise()
    floats = images.astype(np.float32) / 255
    for measure in (metrics.colourfulness, metrics.edge_density, metrics.spectral_slope):
        assert np.allclose(measure(images), measure(floats), atol=1e-4)


# -- statistics ---------------------------------------------------------------------------


def test_statistics_helpers_on_known_answers() -> None:
    assert t_quantile(0.975, 2) == pytest.approx(4.3027, abs=1e-4)
    assert t_quantile(0.975, 10) == pytest.approx(2.2281, abs=1e-4)
    assert t_quantile(0.025, 10) == pytest.approx(-2.2281, abs=1e-4)
    assert list(rankdata([3, 1, 3, 2])) == [3.5, 1.0, 3.5, 2.0]
    assert spearman([1, 2, 3, 4], [1, 8, 27, 64]) == pytest.approx(1.0)
    assert spearman([1, 2, 3, 4], [4, 3, 2, 1]) == pytest.approx(-1.0)
    fit = fit_line([0, 1, 2, 3], [1, 3, 5, 7])
    assert (fit.intercept, fit.slope, fit.r2) == pytest.approx((1.0, 2.0, 1.0))
    mean, low, high = mean_interval([1.0, 2.0, 3.0])
    assert mean == 2.0 and (low, high) == pytest.approx((2 - 2.4841, 2 + 2.4841), abs=1e-3)


# -- ranking and the results file -------------------------------------------------------


def test_rank_programs_orders_filters_and_cuts() -> None:
    results = {
        "a": {m: 1.0 for m in METRICS},
        "b": {m: 3.0 for m in METRICS},
        "c": {m: 2.0 for m in METRICS},
        "d": {**{m: 5.0 for m in METRICS}, "coverage": math.nan},
    }
    assert rank_programs(["a", "b", "c", "x"], results, "coverage") == ["b", "c", "a"]
    assert rank_programs(["a", "b", "c", "d"], results, "coverage", 2) == ["b", "c"]
    assert rank_programs(["a", "b", "c"], results, "cost_ms", 1, lowest=True) == ["a"]
    with pytest.raises(ShaderbankError, match="unknown metric"):
        rank_programs(["a"], results, "beauty")
    with pytest.raises(ShaderbankError, match="none of the selected"):
        rank_programs(["x"], results, "coverage")


# -- the command --------------------------------------------------------------------------

STUDIED = ["fbm/ember-warp", "sdf/blob-orbit", "kaleido/mirror-bloom"]


@pytest.fixture(scope="module")
def study(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("diversity")
    args = ["-q", "diversity", *STUDIED, "--images", "6", "--size", "32", "--out", str(out)]
    assert main(args) == 0
    return out


def test_the_command_writes_csv_plots_html_and_thumbnails(study: Path) -> None:
    with (study / "diversity.csv").open() as handle:
        rows = list(csv.DictReader(handle))
    assert [row["program"] for row in rows] == STUDIED
    for row in rows:
        assert row["error"] == "" and row["images"] == "6" and row["size"] == "32"
        for metric in METRICS:
            assert math.isfinite(float(row[metric])), (row["program"], metric)
        assert 0 < float(row["coverage"]) <= 1 and float(row["pixel_diversity"]) > 0
    for name in ("metrics.png", "correlations.png"):
        assert (study / name).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    page = (study / "index.html").read_text()
    assert all(f'id="{metric}"' in page for metric in METRICS)
    assert page.count("thumbs/fbm__ember-warp.png") == len(METRICS)
    from PIL import Image

    assert Image.open(study / "thumbs" / "sdf__blob-orbit.png").size == (4 * 32, 32)


def test_the_study_is_repeatable(study: Path, tmp_path: Path) -> None:
    # Parameters are a function of (seed, program id): measuring one program alone
    # gives its row of the three-program study (cost aside, which is a timing).
    assert main(["-q", "diversity", STUDIED[1], "--images", "6", "--size", "32",
                 "--out", str(tmp_path)]) == 0  # fmt: skip
    alone = read_results(tmp_path / "diversity.csv")[STUDIED[1]]
    together = read_results(study / "diversity.csv")[STUDIED[1]]
    for metric in METRICS:
        if metric != "cost_ms":
            assert alone[metric] == pytest.approx(together[metric], rel=1e-4), metric


def test_select_by_a_metric_keeps_the_top_k(study: Path, tmp_path: Path) -> None:
    results = read_results(study / "diversity.csv")
    best = max(STUDIED, key=lambda i: results[i]["colourfulness"])
    out = tmp_path / "colourful.txt"
    csv_path = str(study / "diversity.csv")
    args = ["select", "--by", "colourfulness", "--top", "1", "--results", csv_path]
    assert main([*args, "--out", str(out)]) == 0
    assert read_selection(out).ids == [best]
    # Ranked over the programs the other options select (only those studied count).
    ranked = tmp_path / "ranked.txt"
    assert main(["select", "--by", "cost_ms", "--lowest", "--results", csv_path,
                 "--out", str(ranked)]) == 0  # fmt: skip
    ids = read_selection(ranked).ids
    assert sorted(ids) == sorted(STUDIED)
    assert [results[i]["cost_ms"] for i in ids] == sorted(results[i]["cost_ms"] for i in ids)


def test_select_errors_are_one_line(
    study: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = str(tmp_path / "x.txt")
    assert main(["select", "--top", "3", "--out", out]) == 1
    assert "give --by METRIC" in capsys.readouterr().err
    assert main(["select", "--by", "beauty", "--results", str(study / "diversity.csv")]) == 1
    assert "unknown metric" in capsys.readouterr().err
    assert main(["select", "--by", "coverage", "--results", str(tmp_path / "no.csv")]) == 1
    assert "run `shaderbank diversity" in capsys.readouterr().err


def test_a_failing_program_gets_a_row_with_its_reason(tmp_path: Path) -> None:
    broken = tmp_path / "broken.glsl"
    broken.write_text("void mainImage(out vec4 c, in vec2 f) { c = vec4(nope); }\n")
    out = tmp_path / "study"
    assert main(["-q", "diversity", str(broken), "--images", "2", "--size", "16",
                 "--out", str(out)]) == 1  # fmt: skip
    row = next(csv.DictReader((out / "diversity.csv").open()))
    assert "nope" in row["error"] and row["coverage"] == "nan"
    assert read_results(out / "diversity.csv") == {}
    assert "broken" in (out / "index.html").read_text()


def test_program_rows_have_every_metric() -> None:
    names = {f for f in ProgramDiversity.__dataclass_fields__}
    assert set(METRICS) <= names
