from __future__ import annotations

import os
import signal
from pathlib import Path

import numpy as np
import pytest
import torch

from pretrain.data import ParamConfig, RenderStream, StreamConfig
from shaderbank.bank.bank import Bank
from shaderbank.program.params import Params
from shaderbank.render.renderer import Renderer
from tests.helpers import HEAVY_SOURCE, TEST_DEVICE

GOOD = """void mainImage(out vec4 c, in vec2 f)
{{
    vec2 uv = f / iResolution.xy;
    c = vec4(fract(uv.x * {k}.0 + iTime * 0.3), uv.y + iMouse.x / iResolution.x,
             0.5 + 0.5 * sin(iTime * {k}.0 + uv.y * 3.0), 1.0);
}}
"""
BROKEN = "void mainImage(out vec4 c, in vec2 f) { c = vec4(nope); }\n"
FLAT = "void mainImage(out vec4 c, in vec2 f) { c = vec4(0.25 + 0.0 * iTime); }\n"

SMALL = StreamConfig(
    size=32, batch_size=16, images_per_program=4, workers=2, seed=3, device=TEST_DEVICE
)


def make_bank(
    root: Path, extra: dict[str, str] | None = None, good: int = 4
) -> tuple[Path, list[str]]:
    root.mkdir(parents=True, exist_ok=True)
    for k in range(good):
        (root / f"good{k}.glsl").write_text(GOOD.format(k=k + 2))
    for name, source in (extra or {}).items():
        (root / f"{name}.glsl").write_text(source)
    return root, Bank.load(root).ids


def collect(stream: RenderStream, start: int, count: int) -> list:
    return list(stream.batches(start, count))


def test_same_seed_same_bytes_and_resume_at_any_batch(tmp_path: Path) -> None:
    root, ids = make_bank(tmp_path / "bank")
    with RenderStream([root], ids, SMALL) as stream:
        first = collect(stream, 0, 4)
    with RenderStream([root], ids, SMALL) as stream:
        again = collect(stream, 0, 4)
    with RenderStream([root], ids, SMALL) as stream:
        resumed = collect(stream, 2, 2)
    for a, b in zip(first, again, strict=True):
        assert torch.equal(a.images, b.images) and torch.equal(a.labels, b.labels)
    for a, b in zip(first[2:], resumed, strict=True):
        assert a.index == b.index and torch.equal(a.images, b.images)
    assert first[0].images.shape == (16, 3, 32, 32) and first[0].images.dtype == torch.uint8
    assert not torch.equal(first[0].images, first[1].images)
    other = StreamConfig(**{**SMALL.__dict__, "seed": 4})
    with RenderStream([root], ids, other) as stream:
        assert not torch.equal(collect(stream, 0, 1)[0].images, first[0].images)


# A worker's part of 160 images at 8 px needs two strips (128 tiles at most), and its
# programs' groups of 12 images do not end at the strip's edge.
ACROSS_STRIPS = StreamConfig(
    size=8, batch_size=160, images_per_program=12, workers=1, seed=5, device=TEST_DEVICE
)


# Each program's 4 images dealt into 4 consecutive batches, with two views per sample.
SPREAD = StreamConfig(
    size=16,
    batch_size=16,
    images_per_program=4,
    spread=True,
    views=2,
    workers=2,
    seed=6,
    params=ParamConfig(latent_sigma={"time": 0.3}),
    device=TEST_DEVICE,
)


@pytest.mark.parametrize(
    "config", [SMALL, ACROSS_STRIPS, SPREAD], ids=["small", "across-strips", "spread"]
)
def test_every_sample_can_be_rebuilt_alone_from_its_label_and_params(
    tmp_path: Path, config: StreamConfig
) -> None:
    root, ids = make_bank(tmp_path / "bank")
    with RenderStream([root], ids, config) as stream:
        batch = collect(stream, 0, 1)[0]
    bank = Bank.load(root)
    size = config.size
    with Renderer(device=TEST_DEVICE) as renderer:
        for index in range(len(batch.labels)):
            for view in range(config.views):
                time, mx, my, mz, mw, _ = batch.params[index, view].tolist()
                program = bank.program(ids[int(batch.labels[index])])
                point = Params(time=time, mouse=(mx, my, mz, mw))
                image = renderer.render(program, [point], size)[0]
                drawn = batch.images[index] if config.views == 1 else batch.images[index, view]
                np.testing.assert_array_equal(drawn.permute(1, 2, 0).numpy(), image)


def test_spread_deals_each_program_into_consecutive_batches_and_resumes_anywhere(
    tmp_path: Path,
) -> None:
    root, ids = make_bank(tmp_path / "bank", good=12)
    with RenderStream([root], ids, SPREAD) as stream:
        batches = collect(stream, 0, 8)
    # Every group of 4 samples gives one to each batch of its window of 4, so the
    # batches of a window hold the same programs, as many as they have samples.
    for window in (batches[:4], batches[4:]):
        first = sorted(window[0].labels.tolist())
        assert all(sorted(batch.labels.tolist()) == first for batch in window[1:])
    assert sorted(batches[0].labels.tolist()) != sorted(batches[4].labels.tolist())
    # Without spread the 4 samples of a program sit side by side in one batch.
    side_by_side = StreamConfig(**{**SPREAD.__dict__, "spread": False})
    with RenderStream([root], ids, side_by_side) as stream:
        together = collect(stream, 0, 1)[0]
    assert all(count % 4 == 0 for count in np.unique(together.labels, return_counts=True)[1])
    # Resuming inside a window renders that window again: the same bytes.
    for start in (1, 3, 6):
        with RenderStream([root], ids, SPREAD) as stream:
            resumed = collect(stream, start, 2)
        for a, b in zip(batches[start : start + 2], resumed, strict=True):
            assert a.index == b.index and torch.equal(a.images, b.images)
            assert torch.equal(a.labels, b.labels) and torch.equal(a.params, b.params)


def test_latent_views_come_from_one_program_and_differ(tmp_path: Path) -> None:
    root, ids = make_bank(tmp_path / "bank")
    config = StreamConfig(
        **{**SMALL.__dict__, "views": 2, "params": ParamConfig(latent_sigma={"time": 0.3})}
    )
    with RenderStream([root], ids, config) as stream:
        batch = collect(stream, 0, 1)[0]
    assert batch.images.shape == (16, 2, 3, 32, 32)
    assert batch.params.shape == (16, 2, 6)
    times = batch.params[:, :, 0]
    assert (times[:, 0] != times[:, 1]).all()
    assert (batch.params[:, 1, 5] == 1).all()  # the view index
    differ = (batch.images[:, 0].float() - batch.images[:, 1].float()).abs().mean(dim=(1, 2, 3))
    assert (differ > 0).all()


@pytest.mark.parametrize("spread", [False, True], ids=["side-by-side", "spread"])
def test_faulty_programs_are_quarantined_and_the_stream_goes_on(
    tmp_path: Path, spread: bool
) -> None:
    faulty = {"heavy": HEAVY_SOURCE, "broken": BROKEN, "flat": FLAT}
    root, ids = make_bank(tmp_path / "bank", faulty, good=2)
    # The timeout counts from the last image read back: the heavy program takes about
    # 1 s per image here, good ones milliseconds. On llvmpipe, whatever the test device:
    # a GPU draws the heavy program in well under a second, and a truly endless shader
    # would stall the GPU for every process on it.
    changes = {"part_timeout": 2.0, "workers": 1, "spread": spread, "device": "cpu"}
    config = StreamConfig(**{**SMALL.__dict__, **changes})
    with RenderStream([root], ids, config) as stream:
        batches = collect(stream, 0, 8)
        quarantined = dict(stream.quarantined)
    assert len(batches) == 8
    assert quarantined["heavy"].startswith("timeout")
    assert "nope" in quarantined["broken"]
    assert quarantined["flat"].startswith("constant")
    # Programs shaded in one strip with the one that hung are not blamed for it.
    assert set(quarantined) == set(faulty)
    bad = {ids.index(name) for name in faulty}
    for batch in batches:
        assert not bad & set(batch.labels.tolist())


def test_batches_are_pinned_for_the_gpu_when_there_is_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root, ids = make_bank(tmp_path / "bank", good=1)
    monkeypatch.setattr(torch.cuda, "is_available", lambda: True)
    with RenderStream([root], ids, SMALL) as stream:
        assert stream.pin_memory
    monkeypatch.setattr(torch.cuda, "is_available", lambda: False)
    with RenderStream([root], ids, SMALL) as stream:
        assert not stream.pin_memory
    with RenderStream([root], ids, SMALL, pin_memory=True) as stream:
        assert stream.pin_memory


def test_a_killed_worker_is_replaced(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    root, ids = make_bank(tmp_path / "bank")
    with RenderStream([root], ids, SMALL) as stream:
        batches = stream.batches(0, 6)
        next(batches)
        os.kill(stream._workers[0].process.pid, signal.SIGKILL)
        with caplog.at_level("WARNING", logger="pretrain.data.stream"):
            rest = list(batches)
        assert len(rest) == 5
        assert stream.restarts >= 1
    assert "stream worker 0: crash: worker died (SIGKILL); restarting it" in caplog.messages


def test_no_programs_is_one_clear_error(tmp_path: Path) -> None:
    from shaderbank.errors import ShaderbankError

    with pytest.raises(ShaderbankError, match="at least one program"):
        RenderStream([tmp_path], [], SMALL)


def test_ranks_render_different_streams(tmp_path: Path) -> None:
    root, ids = make_bank(tmp_path / "bank")
    single = StreamConfig(**{**SMALL.__dict__, "workers": 1})
    with RenderStream([root], ids, single, rank=0) as first:
        zero = collect(first, 0, 1)[0]
    with RenderStream([root], ids, single, rank=1) as second:
        one = collect(second, 0, 1)[0]
    assert not torch.equal(zero.params, one.params)


def test_slot_folders_of_dead_processes_are_removed(tmp_path: Path) -> None:
    import subprocess
    import sys

    from pretrain.data.buffers import PREFIX, remove_orphans

    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    orphan = tmp_path / f"{PREFIX}{dead.stdout.strip()}-abc"
    orphan.mkdir()
    (orphan / "images").write_bytes(b"x")
    mine = tmp_path / f"{PREFIX}{os.getpid()}-def"
    mine.mkdir()
    remove_orphans(str(tmp_path))
    assert not orphan.exists()
    assert mine.exists()


def test_labels_are_drawn_by_weight_and_never_from_the_quarantine() -> None:
    from pretrain.data._worker import LabelDraw, WorkerPlan
    from pretrain.data.buffers import SlotLayout

    plan = WorkerPlan(
        worker=0,
        generation=0,
        workers=1,
        rank=0,
        seed=0,
        steps_per_epoch=10,
        program_ids=tuple(f"p{k}" for k in range(6)),
        program_files=(),
        partition=(0, 1, 2, 3),
        weights=(1.0, 0.0, 1.0, 2.0),
        layout=SlotLayout(slots=1, batch=1, height=8, width=8),
        slots_folder="",
        part_start=0,
        part_stop=1,
        images_per_program=1,
        window=1,
        views=1,
        params=ParamConfig(),
        device="cpu",
        threads=1,
        current_path="",
    )
    quarantined: set[int] = set()
    labels = LabelDraw(plan, quarantined)
    rng = np.random.default_rng(0)
    drawn = [labels.draw(rng) for _ in range(400)]
    assert set(drawn) == {0, 2, 3}  # weight 0 is never drawn
    assert drawn.count(3) > drawn.count(0)
    quarantined.add(0)  # learnt after the draws began
    assert set(labels.draw(rng) for _ in range(200)) == {2, 3}
    quarantined.update({2, 3})
    # The whole partition is out: labels come from the rest of the selection.
    assert set(labels.draw(rng) for _ in range(200)) == {4, 5}


def test_the_constant_image_check_is_exact_whatever_pixels_it_samples() -> None:
    from shaderbank.curate.checks import has_flat_image as _has_constant_image

    rng = np.random.default_rng(0)
    images = rng.integers(0, 256, (4, 64, 64, 3), dtype=np.uint8)
    assert not _has_constant_image(images)
    flat = np.full((4, 64, 64, 3), 17, dtype=np.uint8)
    assert _has_constant_image(flat)
    # Flat but for one byte, or but for one channel: not constant, wherever it lies.
    for y, x, channel in [(0, 0, 0), (63, 63, 2), (31, 7, 1), (5, 50, 2)]:
        almost = flat.copy()
        almost[:, y, x, channel] = 18
        assert not _has_constant_image(almost)
    blue = flat.copy()
    blue[..., 2] = np.arange(64, dtype=np.uint8)
    assert not _has_constant_image(blue)
    mixed = images.copy()
    mixed[2] = 200
    assert _has_constant_image(mixed)


UNGUARDED_SCRIPT = """
from pretrain.data import RenderStream, StreamConfig
from shaderbank.errors import ShaderbankError

config = StreamConfig(size=32, batch_size=4, images_per_program=2, workers=1, seed=0)
try:
    with RenderStream([{root!r}], {ids!r}, config) as stream:
        next(iter(stream))
    print("STARTED")
except ShaderbankError as error:
    print("ERROR:", error)
"""


def test_a_script_without_a_main_guard_is_told_why_its_workers_did_not_start(
    tmp_path: Path,
) -> None:
    import subprocess
    import sys

    root, ids = make_bank(tmp_path / "bank", good=1)
    script = tmp_path / "unguarded.py"
    script.write_text(UNGUARDED_SCRIPT.format(root=str(root), ids=ids))
    result = subprocess.run(
        [sys.executable, str(script)],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=Path(__file__).resolve().parents[3],
    )
    line = next(x for x in result.stdout.splitlines() if x.startswith(("ERROR", "STARTED")))
    assert line.startswith("ERROR: stream worker 0 did not start: worker exited with code 1")
    assert 'if __name__ == "__main__":' in line


def samples_of(batch) -> list[bytes]:  # type: ignore[no-untyped-def]
    """Each sample as its label, parameters and pixels: what makes it the sample it is,
    whatever its place in the batch."""
    return sorted(
        batch.labels[i].numpy().tobytes()
        + batch.params[i].numpy().tobytes()
        + batch.images[i].numpy().tobytes()
        for i in range(len(batch.labels))
    )


def test_two_batches_hold_different_samples_not_the_same_ones_reshuffled(
    tmp_path: Path,
) -> None:
    # Issue 23 item 15: with the batch index dropped from the workers' seed every batch
    # drew the same samples, and the shuffle hid it from tests that compare batches in
    # order. Compared as multisets, batches must share no sample at all (times are
    # continuous).
    root, ids = make_bank(tmp_path / "bank")
    with RenderStream([root], ids, SMALL) as stream:
        first, second = collect(stream, 0, 2)
    assert not set(samples_of(first)) & set(samples_of(second))


def test_workers_that_fail_the_same_way_stop_the_stream_with_their_error(
    tmp_path: Path,
) -> None:
    # Issue 23 item 7: a size the renderer refuses (the config now refuses it first)
    # killed every worker at its first batch, and the stream replaced them forever.
    from pretrain.data.stream import SAME_FAILURES_TO_GIVE_UP
    from shaderbank.errors import ShaderbankError

    root, ids = make_bank(tmp_path / "bank", good=1)
    config = StreamConfig(size=4097, batch_size=2, workers=1, prefetch=1, device=TEST_DEVICE)
    with RenderStream([root], ids, config) as stream:
        with pytest.raises(ShaderbankError, match=r"failed 3 times in a row: .*outside 1\.\.4096"):
            collect(stream, 0, 1)
        assert stream.restarts == SAME_FAILURES_TO_GIVE_UP - 1
