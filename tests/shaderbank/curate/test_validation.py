from __future__ import annotations

from pathlib import Path

from shaderbank.bank.bank import Bank
from shaderbank.curate.validation import validate_programs
from tests.helpers import HEAVY_SOURCE

GOOD = """// family: test
void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = fragCoord / iResolution.xy;
    fragColor = vec4(0.5 + 0.5 * sin(uv.x * 9.0 + iTime), uv.y, fract(iTime * 0.3), 1.0);
}
"""
OTHER = """void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = fragCoord / iResolution.xy;
    float r = length(uv - 0.5);
    fragColor = vec4(fract(r * 7.0 - iTime * 0.37), 0.2, 1.0 - uv.y * sin(iTime), 1.0);
}
"""
PROGRAMS = {
    "good": GOOD,
    "twin": GOOD.replace("iTime), uv.y", "iTime),  uv.y"),  # same images, other text
    "other": OTHER,
    "flat": "void mainImage(out vec4 c, in vec2 f) { c = vec4(0.4 + iTime * 0.0); }\n",
    "nan": "void mainImage(out vec4 c, in vec2 f) { c = vec4(log(-1.0 - iTime)); }\n",
    "frozen": "void mainImage(out vec4 c, in vec2 f) { c = vec4(f / iResolution.xy, 0.5, 1.0); }\n",
    "syntax": "void mainImage(out vec4 c, in vec2 f)\n{\n  c = vec4(1.0) +;\n}\n",
    "endless": HEAVY_SOURCE,
}


def test_validation_quarantines_each_fault_with_its_reason(tmp_path: Path) -> None:
    for name, source in PROGRAMS.items():
        (tmp_path / f"{name}.glsl").write_text(source)
    bank = Bank.load(tmp_path)
    report = validate_programs(bank, bank.ids, workers=2, timeout=6.0)
    saved = Bank.load(tmp_path, scan=False)  # the verdicts are in the index on disk
    status = {e.id: (e.status, e.reason) for e in saved.entries}
    assert status["good"] == ("ok", "")
    assert status["other"] == ("ok", "")
    assert status["twin"] == ("quarantined", "near-duplicate of good")
    assert status["flat"][1].startswith("constant image")
    assert status["nan"][1].startswith("non-finite")
    assert status["frozen"][1].startswith("images barely change")
    assert (
        status["syntax"][1].startswith("compile error:") and "syntax.glsl:3" in status["syntax"][1]
    )
    assert status["endless"][1].startswith("timeout")
    assert report.checked == len(PROGRAMS) and report.accepted == 2
    good = saved.entry("good")
    assert good.cost_ms_64 is not None and good.cost_ms_256 is not None
    assert "llvmpipe" in good.cost_renderer
    assert saved.fingerprint("good").any()


# Fine patterns of 4 px cells in a colour that changes with time: every 8x8 block of the
# 64 px check images averages to the same colour, so their fingerprints are equal, but
# 4 px blocks tell the checkerboard from the stripes.
FINE = """void mainImage(out vec4 fragColor, in vec2 fragCoord)
{{
    vec2 cell = floor(fragCoord / 4.0);
    float on = mod({pattern}, 2.0);
    fragColor = vec4(on * vec3(0.5 + 0.4 * sin(iTime), 0.6, 0.8), 1.0);
}}
"""


def test_fine_patterns_with_equal_fingerprints_are_not_duplicates(tmp_path: Path) -> None:
    (tmp_path / "checker.glsl").write_text(FINE.format(pattern="cell.x + cell.y"))
    (tmp_path / "stripes.glsl").write_text(FINE.format(pattern="cell.x"))
    (tmp_path / "stripes2.glsl").write_text(FINE.format(pattern="cell.x + 0.0"))
    bank = Bank.load(tmp_path)
    report = validate_programs(bank, bank.ids, workers=1, timeout=10.0)
    assert (bank.fingerprint("checker") == bank.fingerprint("stripes")).all()
    status = {e.id: (e.status, e.reason) for e in Bank.load(tmp_path, scan=False).entries}
    assert status["checker"] == ("ok", "") and status["stripes"] == ("ok", "")
    # The copy matches both by fingerprint; only the stripes are confirmed.
    assert status["stripes2"] == ("quarantined", "near-duplicate of stripes")
    assert report.duplicates == 1
