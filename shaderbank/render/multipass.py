"""Programs of several passes (Shadertoy Buffer A-D), feedback, and special channels.

A canonical program file may hold several passes:

    //! multipass frames=30
    //! pass buffer-a
    //! channels: buffer-a 2D 2D 2D
    ...canonical mainImage source...
    //! pass image
    //! channels: buffer-a cube keyboard 2D
    ...

or one pass whose channels are not four 2D textures (`//! channels: cube 3D 2D
feedback`). Each image is simulated from frame 0: every frame draws the buffers in
order A-D, each reading the buffers already drawn this frame and the others' previous
frame (Shadertoy's order), into float32 textures at the image's own resolution. Up to
`frames` frames are simulated (the budget), ending at the image's time; the image pass
is drawn last. A pass that reads "feedback" reads its own previous frame (glslsandbox's
and TwiGL's backbuffer).

Channel kinds and their stand-ins: 2D (the renderer's procedural textures), cube (a
procedural sky cube map), 3D (a noise volume), video (a procedural picture), keyboard
(no key pressed), sound (silence), black, feedback, buffer-a..buffer-d.
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy as np

from shaderbank.errors import ShaderbankError
from shaderbank.program.canonical import MULTIPASS_MARKER, channel_kinds
from shaderbank.program.params import FRAME_RATE, Params
from shaderbank.program.program import Program
from shaderbank.render.channels import CHANNEL_SIZE, ChannelBinding
from shaderbank.render.readback import PixelType, read_tiles

DEFAULT_FRAMES = 30
PASS_MARKER = "//! pass"
BUFFERS = ("buffer-a", "buffer-b", "buffer-c", "buffer-d")
_FRAMES = re.compile(r"frames\s*=\s*(\d+)")


@dataclass(frozen=True)
class Pass:
    name: str  # "buffer-a".."buffer-d" or "image"
    program: Program
    channels: tuple[str, ...]

    @property
    def reads_itself(self) -> bool:
        return "feedback" in self.channels or self.name in self.channels


@dataclass(frozen=True)
class Passes:
    passes: tuple[Pass, ...]  # buffers in order, image last
    frames: int  # frame budget

    @property
    def simulated(self) -> bool:
        """Frames matter: there are buffers or feedback."""
        return len(self.passes) > 1 or self.passes[-1].reads_itself

    def frames_for(self, params: Params) -> int:
        if not self.simulated:
            return 1
        return max(1, min(self.frames, params.frame_number + 1))


def passes_of(program: Program) -> Passes:
    return _parse(program.id, program.source, program.path, program.family)


@lru_cache(maxsize=64)
def _parse(program_id: str, source: str, path: Any, family: str) -> Passes:
    def make(name: str, text: str) -> Pass:
        kinds = tuple(channel_kinds(text))
        unknown = [k for k in kinds if k not in STANDINS and k not in BUFFERS and k != "feedback"]
        if unknown:
            raise ShaderbankError(f"{program_id}: unknown channel kind {unknown[0]!r}")
        pass_program = Program(
            id=f"{program_id}.{name}", source=text, name=name, family=family, path=path
        )
        return Pass(name, pass_program, kinds)

    if MULTIPASS_MARKER not in source:
        return Passes((make("image", source),), DEFAULT_FRAMES)
    marker = source[source.index(MULTIPASS_MARKER) :].split("\n", 1)[0]
    frames = _FRAMES.search(marker)
    sections = re.split(rf"^{re.escape(PASS_MARKER)}[ \t]+(\S+)[ \t]*$", source, flags=re.M)
    passes = [make(name, text) for name, text in zip(sections[1::2], sections[2::2], strict=True)]
    names = [p.name for p in passes]
    if not passes or names[-1] != "image" or any(n not in BUFFERS for n in names[:-1]):
        raise ShaderbankError(f"{program_id}: passes {names}; expected buffers, then image")
    return Passes(tuple(passes), int(frames.group(1)) if frames else DEFAULT_FRAMES)


# -- stand-in textures -------------------------------------------------------------------


def _cube_faces(side: int = 64) -> list[np.ndarray]:
    """Six RGBA faces of a sky: a horizon gradient with soft bands, the same everywhere."""
    u, v = np.meshgrid(np.linspace(-1, 1, side), np.linspace(-1, 1, side))
    one = np.ones_like(u)
    # +X, -X, +Y, -Y, +Z, -Z in GL's face order and orientation.
    directions = [(one, -v, -u), (-one, -v, u), (u, one, v), (u, -one, -v), (u, -v, one),
                  (-u, -v, -one)]  # fmt: skip
    faces = []
    for x, y, z in directions:
        length = np.sqrt(x * x + y * y + z * z)
        x, y, z = x / length, y / length, z / length
        sky = np.stack([0.35 + 0.3 * y, 0.5 + 0.35 * y, 0.8 + 0.2 * y], axis=-1)
        bands = 0.5 + 0.5 * np.sin(9.0 * x + 5.0 * z + 3.0 * np.sin(4.0 * y))
        ground = np.stack([0.3 + 0.2 * bands, 0.25 + 0.15 * bands, 0.2 + 0.1 * bands], axis=-1)
        rgb = np.where((y > 0)[..., None], sky * (0.85 + 0.15 * bands[..., None]), ground)
        rgba = np.concatenate([np.clip(rgb, 0, 1), np.ones_like(rgb[..., :1])], axis=-1)
        faces.append(np.ascontiguousarray((rgba * 255).round().astype(np.uint8)))
    return faces


def _volume(side: int = 32) -> np.ndarray:
    rng = np.random.default_rng(20261123)
    return np.ascontiguousarray(rng.integers(0, 256, (side, side, side, 4), dtype=np.uint8))


STANDINS = ("2D", "video", "cube", "3D", "keyboard", "sound", "black")


class _Standins:
    """The stand-in textures of one renderer's context, made on first use (with that
    context current); the 2D ones are the renderer's own."""

    def __init__(self, ctx: Any, standard: ChannelBinding) -> None:
        import moderngl

        self.ctx = ctx
        self.textures: dict[str, Any] = {
            f"2D{unit}": texture for unit, texture in enumerate(standard.textures)
        }
        self.textures["video"] = self.textures["2D3"]
        faces = _cube_faces()
        side = faces[0].shape[0]
        cube = ctx.texture_cube((side, side), 4, b"".join(face.tobytes() for face in faces))
        cube.filter = (moderngl.LINEAR, moderngl.LINEAR)
        self.textures["cube"] = cube
        volume = _volume()
        texture3d = ctx.texture3d(volume.shape[:3], 4, volume.tobytes())
        texture3d.filter = (moderngl.LINEAR, moderngl.LINEAR)
        self.textures["3D"] = texture3d
        # Shadertoy's keyboard texture is 256x3 (state, keypress, toggle): all zero is
        # "no key pressed". Sound inputs are 512x2 (spectrum, wave): silence is a zero
        # spectrum and a wave at its middle value.
        self.textures["keyboard"] = self._flat((256, 3), [0])
        self.textures["sound"] = self._flat((512, 2), [0, 128])
        self.textures["black"] = self._flat((1, 1), [0])
        self.sizes = {
            "2D": (CHANNEL_SIZE, CHANNEL_SIZE),
            "video": (CHANNEL_SIZE, CHANNEL_SIZE),
            "cube": (side, side),
            "3D": volume.shape[:2],
            "keyboard": (256, 3),
            "sound": (512, 2),
            "black": (1, 1),
        }

    def _flat(self, size: tuple[int, int], rows: list[int]) -> Any:
        import moderngl

        data = np.zeros((size[1], size[0], 4), np.uint8)
        for row, value in enumerate(rows):
            data[row :: len(rows)] = value
        texture = self.ctx.texture(size, 4, data.tobytes())
        texture.filter = (moderngl.NEAREST, moderngl.NEAREST)
        return texture

    def get(self, kind: str, unit: int) -> Any:
        return self.textures[f"2D{unit}" if kind == "2D" else kind]


_standins: weakref.WeakKeyDictionary[Any, _Standins] = weakref.WeakKeyDictionary()


def _standins_for(renderer: Any) -> _Standins:
    if renderer not in _standins:
        _standins[renderer] = _Standins(renderer.ctx, renderer.channels)
    return _standins[renderer]


# -- simulation ---------------------------------------------------------------------------


class _Target:
    """A pass's output: two float32 textures, read one while drawing into the other."""

    def __init__(self, ctx: Any, width: int, height: int) -> None:
        import moderngl

        self.textures = [ctx.texture((width, height), 4, dtype="f4") for _ in range(2)]
        self.framebuffers = [ctx.framebuffer(color_attachments=[t]) for t in self.textures]
        for texture in self.textures:
            texture.repeat_x = texture.repeat_y = False
            texture.filter = (moderngl.LINEAR, moderngl.LINEAR)
        for framebuffer in self.framebuffers:
            framebuffer.clear(0.0, 0.0, 0.0, 0.0)
        self.front = 0  # index of the texture holding the last frame

    @property
    def last(self) -> Any:
        return self.textures[self.front]

    @property
    def next_framebuffer(self) -> Any:
        return self.framebuffers[1 - self.front]

    def swap(self) -> None:
        self.front = 1 - self.front

    def release(self) -> None:
        for item in (*self.framebuffers, *self.textures):
            item.release()


def render_passes(
    renderer: Any,
    program: Program,
    params: Sequence[Params],
    size: tuple[int, int],
    host: np.ndarray,
    pixel_type: PixelType,
    finite_out: np.ndarray | None,
) -> None:
    """Render each image of a multipass program into host[i] (N, H, W, 3), top-down."""
    graph = passes_of(program)
    # The pass targets and stand-ins are made directly in renderer.ctx: GL must point
    # at it, not at whichever context was made or released since the renderer's last
    # call (their objects would then belong to that one).
    renderer.context.make_current()
    standins = _standins_for(renderer)
    width, height = size
    for index, item in enumerate(params):
        targets = {
            p.name: _Target(renderer.ctx, width, height)
            for p in graph.passes
            if p.name != "image" or p.reads_itself
        }
        try:
            frames = graph.frames_for(item)
            for frame in range(frames):
                last = frame == frames - 1
                time = max(0.0, item.time - (frames - 1 - frame) / FRAME_RATE)
                step = Params(time=time, mouse=item.mouse, frame=frame if graph.simulated else None)
                for render_pass in graph.passes:
                    final = render_pass.name == "image" and last
                    if render_pass.name == "image" and not final and not render_pass.reads_itself:
                        continue
                    channels = _bind(render_pass, targets, standins, size)
                    if final:
                        framebuffer = renderer.draw(
                            render_pass.program, [step], size, channels=channels,
                            pixel_type=pixel_type, top_down=True,
                        )  # fmt: skip
                        finite = None if finite_out is None else finite_out[index : index + 1]
                        read_tiles(
                            framebuffer, size, host[index : index + 1], pixel_type=pixel_type,
                            finite_out=finite,
                        )  # fmt: skip
                    else:
                        target = targets[render_pass.name]
                        renderer.draw(
                            render_pass.program, [step], size, channels=channels,
                            pixel_type="float32", framebuffer=target.next_framebuffer,
                            top_down=False,
                        )  # fmt: skip
                        target.swap()
        finally:
            for target in targets.values():
                target.release()


def _bind(
    render_pass: Pass, targets: dict[str, _Target], standins: _Standins, size: tuple[int, int]
) -> ChannelBinding:
    textures = []
    resolutions = np.ones((4, 3), "f4")
    for unit, kind in enumerate(render_pass.channels):
        source = render_pass.name if kind == "feedback" else kind
        if source in targets:
            textures.append(targets[source].last)
            resolutions[unit, :2] = size
        elif source in BUFFERS:  # a buffer the program does not have
            textures.append(standins.get("black", unit))
            resolutions[unit, :2] = 1
        else:
            textures.append(standins.get(source, unit))
            resolutions[unit, :2] = standins.sizes[source]
    return ChannelBinding(tuple(textures), resolutions.tobytes())
