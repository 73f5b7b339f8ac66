"""Dialect detection and normalisation, on text only (no GL): the import corpus gives
one case per dialect and variant."""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pytest

from shaderbank.sources.dialects import DIALECTS, DialectError, _glsl, detect, normalise

CORPUS = Path(__file__).parents[1] / "curate" / "import_corpus"

# Corpus file -> the dialect:variant it must be detected as.
EXPECTED = {
    "shadertoy/plain.glsl": "shadertoy:webgl2",
    "shadertoy/old_names.glsl": "shadertoy:legacy",
    "shadertoy/hw_performance.glsl": "shadertoy:webgl2",
    "shadertoy/own_version.glsl": "shadertoy:webgl2",
    "shadertoy/redefines_builtins.glsl": "shadertoy:webgl2",
    "shadertoy/declares_uniforms.glsl": "shadertoy:legacy",
    "shadertoy/texture2d_legacy.glsl": "shadertoy:legacy",
    "shadertoy-json/single.json": "shadertoy-json:single",
    "shadertoy-json/common.json": "shadertoy-json:single",
    "shadertoy-json/cubemap.json": "shadertoy-json:channels",
    "shadertoy-json/volume.json": "shadertoy-json:channels",
    "shadertoy-json/keyboard_sound_video.json": "shadertoy-json:channels",
    "shadertoy-json/multipass_feedback.json": "shadertoy-json:multipass",
    "shadertoy-json/four_buffers.json": "shadertoy-json:multipass",
    "shadertoy-json/api_wrapped.json": "shadertoy-json:single",
    **{
        f"twigl/{mode}-{flavour}.glsl": f"twigl:{mode}-{flavour}"
        for mode in ("classic", "geek", "geeker", "geekest")
        for flavour in ("webgl1", "300es", "mrt")
    },
    "twigl/geekest-helpers.twigl": "twigl:geekest-300es",
    "twigl/geekest-own-main.glsl": "twigl:geekest-300es",
    "twigl/classic-backbuffer.glsl": "twigl:classic-webgl1",
    "glslsandbox/plain.frag": "glslsandbox:plain",
    "glslsandbox/surface.frag": "glslsandbox:surface",
    "glslsandbox/backbuffer.frag": "glslsandbox:backbuffer",
    "glslsandbox/mouse.frag": "glslsandbox:plain",
    "bookofshaders/gradient.frag": "bookofshaders:webgl1",
    "bookofshaders/static_shape.frag": "bookofshaders:webgl1",
    "bookofshaders/glslviewer.frag": "bookofshaders:webgl1",
    "bare/es100.frag": "bare:es100",
    "bare/es300.frag": "bare:es300",
    "bare/es300_layout.frag": "bare:es300",
    "bare/desktop330.frag": "bare:desktop",
    "bare/desktop120.frag": "bare:desktop",
    "bare/fragdata.frag": "bare:es100",
}


@pytest.mark.parametrize("relative", sorted(EXPECTED))
def test_corpus_file_is_detected_as_its_dialect(relative: str) -> None:
    text = (CORPUS / relative).read_text(encoding="utf-8")
    result = normalise(text, "auto", str(CORPUS / relative))
    assert result.label == EXPECTED[relative]
    assert re.search(r"\bvoid\s+mainImage\s*\(", result.source)


def test_every_dialect_has_a_corpus_case() -> None:
    covered = {label.split(":")[0] for label in EXPECTED.values()}
    assert covered == set(DIALECTS)


def test_detection_ignores_comments() -> None:
    text = "// void mainImage(out vec4 c, in vec2 f) {}\nuniform float time;\n"
    text += "uniform vec2 resolution;\nvoid main(){gl_FragColor=vec4(time);}\n"
    assert detect(text) == "glslsandbox"


def test_own_main_keeps_the_users_line_numbers() -> None:
    text = "precision mediump float;\nuniform float u_time;\nuniform vec2 u_resolution;\n"
    text += "void main() {\n    gl_FragColor = vec4(u_time);\n}\n"
    source = normalise(text).source
    code = source.split("#line 1\n", 1)[1]
    assert code.splitlines()[4].strip() == "sb_OutColor = vec4(u_time);"


def test_directives_are_stripped_and_gl_es_is_renamed() -> None:
    text = "#version 300 es\n#extension GL_OES_standard_derivatives : enable\n"
    text += "#ifdef GL_ES\nprecision highp float;\n#endif\n"
    text += "void mainImage(out vec4 c, in vec2 f){c=vec4(iGlobalTime, HW_PERFORMANCE, 0, 1);}\n"
    source = normalise(text).source
    assert "#version" not in source and "#extension" not in source
    assert "precision" not in source
    assert "#ifdef SB_GL_ES" in source and "#define SB_GL_ES 1" in source
    assert "#define HW_PERFORMANCE 0" in source and "#define iGlobalTime iTime" in source


def test_a_programs_own_hw_performance_is_kept() -> None:
    text = (
        "#define HW_PERFORMANCE 1\nvoid mainImage(out vec4 c, in vec2 f){c=vec4(HW_PERFORMANCE);}"
    )
    assert "#define HW_PERFORMANCE 0" not in normalise(text).source


def test_reserved_words_are_renamed_but_not_swizzles_or_qualifiers() -> None:
    code = "float smooth(float a){return a;}\nsmooth in vec2 v;\nvec4 c; float x = c.b;"
    renamed = _glsl.rename_reserved(code)
    assert "float sb_smooth(float a)" in renamed and "smooth in vec2 v" in renamed
    assert _glsl.rename("vec4 b; float x = col.b + b;", "b", "iChannel0") == (
        "vec4 iChannel0; float x = col.b + iChannel0;"
    )


def test_redefined_wrapper_builtins_are_renamed() -> None:
    text = "bool isnan(float x){return false;}\nvoid mainImage(out vec4 c, in vec2 f){c=vec4(0);}"
    result = normalise(text)
    assert "sb_user_isnan" in result.source and result.notes


def test_uniforms_of_known_meaning_become_globals_set_by_main_image() -> None:
    text = "uniform float time;\nuniform vec2 resolution, mouse;\nuniform float speed;\n"
    text += "void main(){gl_FragColor=vec4(time*speed, resolution/mouse, 1.0);}\n"
    source = normalise(text, "glslsandbox").source
    assert "float time;" in source and "vec2 resolution;" in source and "vec2 mouse;" in source
    assert "uniform float speed;" in source  # unknown: stays a uniform (0, as in GL)
    assert "time = iTime;" in source and "mouse = iMouse.xy / iResolution.xy;" in source


def test_sampler_uniforms_become_channels_with_their_kind() -> None:
    text = "uniform sampler2D tex;\nuniform samplerCube sky;\nuniform float time;\n"
    text += "void main(){gl_FragColor=texture2D(tex, vec2(time))+textureCube(sky, vec3(1));}\n"
    source = normalise(text, "bare").source
    assert source.startswith("//! channels: 2D cube 2D 2D")
    assert "texture2D(iChannel0" in source and "textureCube(iChannel1" in source


def test_used_backbuffer_is_feedback_and_unused_is_not() -> None:
    used = "uniform vec2 resolution;uniform float time;uniform sampler2D backbuffer;\n"
    used += "void main(){gl_FragColor=texture2D(backbuffer, gl_FragCoord.xy/resolution);}"
    assert "//! channels: feedback" in normalise(used).source
    unused = used.replace("texture2D(backbuffer, gl_FragCoord.xy/resolution)", "vec4(time)")
    assert "//! channels:" not in normalise(unused).source


def test_geekest_gets_an_automatic_main_and_the_helper_library() -> None:
    result = normalise("vec2 p=FC.xy/r;o=vec4(hsv(t,1.,1.),1);", "twigl")
    assert result.variant == "geekest-300es"
    assert "vec3 hsv(float h, float s, float v)" in result.source
    assert "void sb_main(){vec2 p=FC.xy/r;" in result.source


def test_twigl_variant_can_be_pinned() -> None:
    result = normalise("void main(){gl_FragColor=vec4(t);}", "twigl:geeker-webgl1")
    assert result.label == "twigl:geeker-webgl1"
    with pytest.raises(DialectError, match="unknown TwiGL variant"):
        normalise("void main(){}", "twigl:fancy")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("Just some words.", "not a shader"),
        ("uniform float time;\nvoid main() { float x = time; }", "writes no colour"),
        ('{"renderpass": [{"type": "image"}]}', "missing field 'code'"),
        ('{"renderpass": [{"type": "image", "code": 7}]}', "expected str, got int"),
        ('{"renderpass": "none"}', "expected list, got str"),
        ('{"renderpass": [], "info": []}', "info: expected an object"),
        ('{"renderpass": [{"code": "x", "type": "buffer", "name": "Buffer Q"}]}', "Buffer A-D"),
    ],
)
def test_bad_input_is_one_clear_dialect_error(text: str, message: str) -> None:
    with pytest.raises(DialectError, match=re.escape(message)):
        normalise(text)


def test_unknown_dialect_is_named() -> None:
    with pytest.raises(DialectError, match="unknown dialect 'webgpu'"):
        normalise("void main(){}", "webgpu")


def test_shadertoy_json_metadata_and_default_licence() -> None:
    text = (CORPUS / "shadertoy-json/common.json").read_text()
    result = normalise(text)
    assert result.name == "With common" and result.author == "corpus-author"
    assert (result.licence, result.licence_basis) == ("CC-BY-NC-SA-3.0", "inferred")
    assert "Shadertoy default" in result.licence_note
    assert "float wave(float x)" in result.source  # the Common pass, prepended


def test_unsupported_passes_are_reported() -> None:
    result = normalise((CORPUS / "shadertoy-json/with_sound_pass.json").read_text())
    assert any("sound pass" in note and "not supported" in note for note in result.notes)


def test_book_of_shaders_u_time_and_u_mouse_drive_the_image(renderer) -> None:  # type: ignore[no-untyped-def]
    # Issue 23 item 13: u_time mapped to a constant passed, since only the detection of
    # the dialect was asserted. The program must draw different images at two times.
    from shaderbank.program.params import Params
    from shaderbank.program.program import program_from_source

    text = "#ifdef GL_ES\nprecision mediump float;\n#endif\n"
    text += "uniform float u_time;\nuniform vec2 u_resolution;\nuniform vec2 u_mouse;\n"
    text += "void main() {\n    vec2 st = gl_FragCoord.xy / u_resolution;\n"
    text += "    gl_FragColor = vec4(fract(st.x + u_time * 0.37), u_mouse.x / u_resolution.x,"
    text += " st.y, 1.0);\n}\n"
    assert detect(text) == "bookofshaders"
    program = program_from_source(normalise(text).source, id="bos")
    points = [Params(time=1.0), Params(time=2.0), Params(time=1.0, mouse=(12.0, 3.0, 0, 0))]
    at_1, at_2, moved = renderer.render(program, points, 16)
    assert not np.array_equal(at_1, at_2)
    assert not np.array_equal(at_1, moved)
