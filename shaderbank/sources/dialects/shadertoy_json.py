"""Shadertoy's JSON export: `{"info": {...}, "renderpass": [...]}` (also wrapped as
`{"Shader": {...}}` by the API, or a list of shaders from a bulk export).

Each render pass has `type` (image, buffer, common, sound, cubemap), `name`, `code`,
`inputs` (channel, ctype/type, id, src/filepath) and `outputs` (id). The Common pass is
prepended to every other pass. Inputs become channel kinds (see multipass.py): texture
-> procedural 2D, cubemap -> procedural cube, volume -> procedural 3D, keyboard ->
nothing pressed, music/mic -> silence, video/webcam -> a procedural picture, buffer ->
that buffer's last frame. Sound and cube-map passes cannot be shown and are reported.

The licence is the one that the comments of any pass, `info.description` or a licence
field of `info` state; a shader that states none has Shadertoy's default, inferred. The
author is `info.username`, the source the shader's page when `info.id` is a real id.
"""

from __future__ import annotations

import json
import re
from typing import Any

from shaderbank.program.canonical import MULTIPASS_MARKER
from shaderbank.program.licences import SITE_DEFAULTS
from shaderbank.program.program import one_line
from shaderbank.sources.dialects._base import DialectError, Normalised, assemble, preamble_defines
from shaderbank.sources.dialects._info import SourceInfo
from shaderbank.sources.dialects._provenance import find_licence
from shaderbank.sources.dialects.shadertoy import canonical_image

NAME = "shadertoy-json"
VARIANTS = ("single", "channels", "multipass")
# The licence of shaders whose code, description and info state none.
DEFAULT_LICENCE = SITE_DEFAULTS[NAME]
VIEW_URL = "https://www.shadertoy.com/view/"
_SHADER_ID = re.compile(r"[A-Za-z0-9]{6}")

PASS_MARKER = "//! pass"

# Shadertoy's fixed output ids of Buffer A-D (string ids in exports, numbers in the API).
_BUFFER_IDS = {
    "4dxgr8": "a", "xsxgr8": "b", "4sxgr8": "c", "xdfgr8": "d",
    "257": "a", "258": "b", "259": "c", "260": "d",
}  # fmt: skip
_INPUT_KINDS = {
    "texture": "2D",
    "cubemap": "cube",
    "volume": "3D",
    "keyboard": "keyboard",
    "music": "sound",
    "musicstream": "sound",
    "mic": "sound",
    "video": "video",
    "webcam": "video",
}


def score(info: SourceInfo) -> int:
    head = info.text.lstrip()[:1]
    if head in "{[" and head and ("renderpass" in info.text or '"Shader"' in info.text):
        return 200
    return 0


def shaders_in(text: str) -> list[Any]:
    """The shader objects of a JSON text (one, or many from a bulk export)."""
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise DialectError(f"invalid JSON ({error.msg} at line {error.lineno})") from None
    items = document if isinstance(document, list) else [document]
    return [
        item["Shader"] if isinstance(item, dict) and "Shader" in item else item for item in items
    ]


def normalise(text: str, variant: str | None = None, frames: int = 30) -> Normalised:
    shaders = shaders_in(text)
    if len(shaders) != 1:
        raise DialectError(f"{len(shaders)} shaders in one JSON text; import splits them")
    return normalise_shader(shaders[0], frames=frames)


def normalise_shader(shader: Any, frames: int = 30) -> Normalised:
    if not isinstance(shader, dict):
        raise DialectError(f"expected a JSON object for a shader, got {type(shader).__name__}")
    passes = _field(shader, "renderpass", list, "shader")
    info = shader.get("info", {})
    if not isinstance(info, dict):
        raise DialectError(f"info: expected an object, got {type(info).__name__}")
    notes: list[str] = []
    common = ""
    buffers: dict[str, dict[str, Any]] = {}
    image: dict[str, Any] | None = None
    for number, render_pass in enumerate(passes):
        where = f"renderpass[{number}]"
        if not isinstance(render_pass, dict):
            raise DialectError(f"{where}: expected an object, got {type(render_pass).__name__}")
        code = _field(render_pass, "code", str, where)
        kind = render_pass.get("type", "")
        if not isinstance(kind, str):
            raise DialectError(f"{where}.type: expected a string, got {type(kind).__name__}")
        name = str(render_pass.get("name", ""))
        kind = kind or ("common" if name.lower() == "common" else "image")
        if kind == "common":
            common += code + "\n"
        elif kind == "buffer":
            buffers[_buffer_letter(render_pass, name, where)] = render_pass
        elif kind == "image":
            image = render_pass
        else:
            notes.append(f"{kind} pass {name!r} not supported: nothing to show on screen")
    if image is None:
        raise DialectError("no image pass in renderpass")

    sections: list[tuple[str, str]] = []
    for letter in sorted(buffers):
        sections.append((f"buffer-{letter}", _pass_source(buffers[letter], common, notes)))
    sections.append(("image", _pass_source(image, common, notes)))
    if len(sections) == 1:
        source = sections[0][1]
        variant = "channels" if source.startswith("//! channels:") else "single"
    else:
        parts = [f"{MULTIPASS_MARKER} frames={frames}"]
        for name, section in sections:
            parts += [f"{PASS_MARKER} {name}", section.rstrip()]
        source = "\n".join(parts) + "\n"
        variant = "multipass"
    author = str(info.get("username", "") or "")
    stated = [
        value
        for key in ("description", "license", "licence")
        if isinstance(value := info.get(key), str)
    ]
    codes = [render_pass["code"] for render_pass in passes]  # every pass: checked above
    shader_id = str(info.get("id", ""))
    result = Normalised(
        dialect=NAME,
        variant=variant,
        source=source,
        notes=notes,
        name=str(info.get("name", "") or ""),
        author=author,
        origin=VIEW_URL + shader_id if _SHADER_ID.fullmatch(shader_id) else "",
        description=one_line(str(info.get("description", "") or "")),
        tags=[str(tag) for tag in info.get("tags", []) if isinstance(tag, str)][:12]
        if isinstance(info.get("tags"), list)
        else [],
    )
    result.set_licensing(find_licence(codes, stated, default=DEFAULT_LICENCE))
    return result


def _field(container: dict[str, Any], key: str, kind: type, where: str) -> Any:
    if key not in container:
        raise DialectError(f"{where}: missing field {key!r}")
    value = container[key]
    if not isinstance(value, kind):
        raise DialectError(f"{where}.{key}: expected {kind.__name__}, got {type(value).__name__}")
    return value


def _buffer_letter(render_pass: dict[str, Any], name: str, where: str) -> str:
    match = re.search(r"\b(?:buffer|buf)\s*([a-d])\b", name, re.IGNORECASE)
    if match:
        return match.group(1).lower()
    for output in render_pass.get("outputs") or []:
        if isinstance(output, dict) and str(output.get("id", "")).lower() in _BUFFER_IDS:
            return _BUFFER_IDS[str(output["id"]).lower()]
    raise DialectError(f"{where}: a buffer pass that is not Buffer A-D ({name!r})")


def _input_kind(item: dict[str, Any], notes: list[str]) -> str:
    kind = item.get("ctype", item.get("type", ""))
    kind = kind if isinstance(kind, str) else ""
    if kind == "buffer":
        identifier = str(item.get("id", "")).lower()
        if identifier in _BUFFER_IDS:
            return f"buffer-{_BUFFER_IDS[identifier]}"
        src = str(item.get("src", item.get("filepath", "")))
        match = re.search(r"buffer0?([0-3])", src)
        if match:
            return f"buffer-{'abcd'[int(match.group(1))]}"
        notes.append(f"a buffer input with unknown id {item.get('id')!r} reads black")
        return "black"
    if kind in _INPUT_KINDS:
        return _INPUT_KINDS[kind]
    notes.append(f"input type {kind!r} not supported: reads black")
    return "black"


def _pass_source(render_pass: dict[str, Any], common: str, notes: list[str]) -> str:
    channels = ["2D"] * 4
    inputs = render_pass.get("inputs") or []
    if not isinstance(inputs, list):
        raise DialectError(f"inputs: expected a list, got {type(inputs).__name__}")
    for item in inputs:
        if not isinstance(item, dict):
            raise DialectError(f"inputs: expected objects, got {type(item).__name__}")
        channel = item.get("channel", 0)
        if not isinstance(channel, int) or not 0 <= channel <= 3:
            raise DialectError(f"inputs: channel must be 0..3, got {channel!r}")
        channels[channel] = _input_kind(item, notes)
    # Common first, its lines numbered from 1 too (Shadertoy reports each pass alone).
    text = f"{common}\n#line 1\n{render_pass['code']}" if common else render_pass["code"]
    code, declared = canonical_image(text, notes)
    for index, kind in enumerate(declared):
        if kind != "2D" and channels[index] == "2D":
            channels[index] = kind
    return assemble(preamble_defines(code), code, channels=channels)
