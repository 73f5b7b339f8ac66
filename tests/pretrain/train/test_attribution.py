"""data.licences picks the programs a run trains on; the run credits them in
ATTRIBUTION.md and ATTRIBUTION.json; export takes both along."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pretrain.config import ConfigError, DataConfig, load_config
from pretrain.models import export_backbone
from pretrain.train import train
from pretrain.train.programs import resolve_programs
from shaderbank.bank.attribution import ATTRIBUTION_JSON, ATTRIBUTION_MD, BUILTIN_SOURCE
from shaderbank.errors import ShaderbankError
from tests.pretrain.train.test_trainer import tiny_config

BODY = "void mainImage(out vec4 c, in vec2 f) { c = vec4(f / iResolution.xy, 0.5, 1.0); }\n"


def test_data_licences_are_checked_against_the_table() -> None:
    config = load_config(None, ["data.licences=[permissive, CC-BY-4.0]"])
    assert config.data.licences == ("permissive", "CC-BY-4.0")
    with pytest.raises(ConfigError, match=r"data\.exclude_licences\[1\]: 'permisive' is neither"):
        load_config(None, ["data.exclude_licences=[unknown, permisive]"])


def test_licences_filter_the_banks_and_a_selection(tmp_path: Path) -> None:
    bank = tmp_path / "bank"
    (bank / "lic").mkdir(parents=True)
    for name, licence in (("a", "MIT"), ("b", "CC-BY-NC-4.0"), ("c", "unknown")):
        (bank / "lic" / f"{name}.glsl").write_text(f"// licence: {licence}\n{BODY}")
    selection = tmp_path / "programs.txt"
    selection.write_text(f"# shaderbank program list\n# bank: {bank}\nlic/a\nlic/b\nlic/c\n")
    data = DataConfig(selection=str(selection), builtin=False, exclude_licences=("unknown",))
    programs = resolve_programs(data, seed=0)
    assert programs.ids == ("lic/a", "lic/b")
    assert [c.licence for c in programs.credits] == ["MIT", "CC-BY-NC-4.0"]
    data = DataConfig(selection=str(selection), builtin=False, licences=("permissive",))
    assert resolve_programs(data, seed=0).ids == ("lic/a",)


def test_a_licence_no_program_has_is_one_clear_error() -> None:
    # The built-in bank is all MIT.
    with pytest.raises(ShaderbankError, match="no program under the licences"):
        resolve_programs(DataConfig(licences=("non-commercial",)), seed=0)


def test_a_run_credits_what_it_trained_on_and_export_takes_it_along(tmp_path: Path) -> None:
    config = load_config(
        str(tiny_config(tmp_path, "credited")), ["data.licences=[permissive]", "train.steps=2"]
    )
    train(config)
    run = config.run_dir
    trained = (run / "programs.txt").read_text().split()
    document = json.loads((run / ATTRIBUTION_JSON).read_text())
    assert [p["program"] for p in document["programs"]] == trained
    for credit in document["programs"]:
        assert (credit["licence"], credit["basis"]) == ("MIT", "stated")
        assert credit["author"] == "shaderbank contributors"
        assert credit["source"].startswith(BUILTIN_SOURCE)
    markdown = (run / ATTRIBUTION_MD).read_text()
    for program_id in trained:
        assert f"| {program_id} | shaderbank contributors | MIT | stated |" in markdown

    out = export_backbone(run, tmp_path / "export" / "backbone.safetensors")
    copied = out.with_name("backbone.ATTRIBUTION.md")
    assert copied.read_text() == markdown
    assert (
        out.with_name("backbone.ATTRIBUTION.json").read_text()
        == (run / ATTRIBUTION_JSON).read_text()
    )
