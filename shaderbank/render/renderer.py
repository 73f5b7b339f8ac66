"""Render (program, parameters) into preallocated arrays: the hot path of the toolkit.

Images of one program are drawn as tiles of one tall framebuffer in a single draw call
(see canonical.py), then read back with one read_into straight into the caller's
(N, H, W, 3) array or tensor (readback.py): no PIL, no flip, no per-image Python copy.
Programs compile lazily through a bounded LRU cache, never all up front.

Every method that touches GL makes this renderer's context current first: another
context made later in the process (a second renderer, a check) leaves GL pointed at
itself, and objects made then would belong to it.
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from shaderbank.errors import CompileError, ShaderbankError
from shaderbank.program.canonical import (
    MAX_TILES,
    VERTEX_SHADER,
    defines_main_image,
    first_user_error,
    fragment_shader,
    needs_passes,
)
from shaderbank.program.params import FRAME_RATE, Params
from shaderbank.program.program import Program
from shaderbank.render.channels import CHANNEL_COUNT, ChannelBinding, standard_channels
from shaderbank.render.gl import GLContext, create_context
from shaderbank.render.readback import (
    GL_DTYPE,
    PixelType,
    finish_output,
    host_view,
    output_array,
    read_tiles,
)

if TYPE_CHECKING:
    import moderngl

log = logging.getLogger(__name__)

Size = int | tuple[int, int]
# Pixels one draw shades at most. Strip or square, small or large, llvmpipe shades
# these programs at the same rate per pixel once each draw is forced to complete
# (measured); the cap keeps framebuffers and the wait for one draw small.
MAX_DRAW_PIXELS = 2048 * 2048
MAX_IMAGE_SIDE = 4096
# iDate's base: 2026-01-01 00:00:00, so iDate is the same on every machine and run.
DATE_BASE = (2026.0, 0.0, 1.0, 0.0)


@dataclass
class CompiledProgram:
    program: Program
    gl_program: moderngl.Program
    vertex_array: moderngl.VertexArray
    uniforms: dict[str, Any]  # the uniforms the compiler kept, by name

    def release(self) -> None:
        self.vertex_array.release()
        self.gl_program.release()


def image_size(size: Size) -> tuple[int, int]:
    """(width, height) of a size given as one side or as (width, height)."""
    width, height = (size, size) if isinstance(size, int) else size
    if not (1 <= width <= MAX_IMAGE_SIDE and 1 <= height <= MAX_IMAGE_SIDE):
        raise ShaderbankError(f"image size {width}x{height} is outside 1..{MAX_IMAGE_SIDE} px")
    return int(width), int(height)


def tiles_per_draw(width: int, height: int, max_rows: int = 16384) -> int:
    """How many images of this size one draw renders: the strip must fit in a texture
    (max_rows is the context's GL_MAX_TEXTURE_SIZE) and in MAX_DRAW_PIXELS."""
    return max(1, min(MAX_TILES, max_rows // height, MAX_DRAW_PIXELS // (width * height)))


class Renderer:
    """Draws programs headless. One renderer owns one GL context; use one per process.

    >>> with Renderer(device="cpu") as renderer:
    ...     images = renderer.render(program, [Params(time=1.0)], size=128)  # (1,128,128,3)
    """

    def __init__(
        self,
        context: GLContext | None = None,
        *,
        device: str = "auto",
        threads: int | None = None,
        cache_size: int = 256,
        torch_later: bool = True,
    ) -> None:
        self.context = (
            context
            if context is not None
            else create_context(device, threads=threads, torch_later=torch_later)
        )
        self.ctx = self.context.ctx
        self.cache_size = max(1, cache_size)
        self._compiled: OrderedDict[str, CompiledProgram] = OrderedDict()
        self._framebuffers: dict[tuple[int, int, str], moderngl.Framebuffer] = {}
        self.context.make_current()
        # What units 0-3 sample unless a draw is given other channels (multipass.py).
        self.channels = standard_channels(self.ctx)
        self._times = np.zeros(MAX_TILES, dtype="f4")
        self._mice = np.zeros((MAX_TILES, 4), dtype="f4")
        self._frames = np.zeros(MAX_TILES, dtype="i4")
        self.max_rows = int(self.ctx.info.get("GL_MAX_TEXTURE_SIZE", 4096))

    # -- lifecycle ---------------------------------------------------------------------

    def __enter__(self) -> Renderer:
        return self

    def __exit__(self, *_: object) -> None:
        self.release()

    def release(self) -> None:
        self.context.make_current()
        for compiled in self._compiled.values():
            compiled.release()
        self._compiled.clear()
        for framebuffer in self._framebuffers.values():
            framebuffer.release()
        self._framebuffers.clear()
        self.context.release()

    # -- compiling -----------------------------------------------------------------------

    def compile(self, program: Program) -> CompiledProgram:
        """The compiled program, from the cache or compiled now (evicting the oldest)."""
        key = program.source_hash
        compiled = self._compiled.get(key)
        if compiled is not None:
            self._compiled.move_to_end(key)
            return compiled
        compiled = self._compile(program)
        self._compiled[key] = compiled
        while len(self._compiled) > self.cache_size:
            _, evicted = self._compiled.popitem(last=False)
            evicted.release()
        return compiled

    def _compile(self, program: Program) -> CompiledProgram:
        if not defines_main_image(program.source):
            raise CompileError(
                f"{program.location}: no mainImage(out vec4 fragColor, in vec2 fragCoord)",
                path=program.location,
                line=None,
                log="",
            )
        import moderngl

        self.context.make_current()
        try:
            gl_program = self.ctx.program(
                vertex_shader=VERTEX_SHADER, fragment_shader=fragment_shader(program.source)
            )
        except moderngl.Error as error:
            log_text = str(error)
            line, column, message = first_user_error(log_text)
            where = program.location
            if line is not None:
                where += f":{line}" + (f":{column}" if column is not None else "")
            raise CompileError(
                f"{where}: {message}", path=program.location, line=line, log=log_text
            ) from None
        uniforms = {
            name: gl_program[name] for name in gl_program if hasattr(gl_program[name], "write")
        }
        for unit in range(CHANNEL_COUNT):
            if f"iChannel{unit}" in uniforms:
                uniforms[f"iChannel{unit}"].value = unit
        for name, value in (
            ("sb_TimeDelta", 1.0 / FRAME_RATE),
            ("sb_FrameRate", FRAME_RATE),
            ("sb_DateBase", DATE_BASE),
        ):
            if name in uniforms:
                uniforms[name].value = value
        vertex_array = self.ctx.vertex_array(gl_program, [])
        return CompiledProgram(program, gl_program, vertex_array, uniforms)

    # -- drawing -------------------------------------------------------------------------

    def framebuffer(self, width: int, height: int, pixel_type: PixelType = "uint8") -> Any:
        key = (width, height, pixel_type)
        framebuffer = self._framebuffers.get(key)
        if framebuffer is None:
            self.context.make_current()
            texture = self.ctx.texture((width, height), 4, dtype=GL_DTYPE[pixel_type])
            framebuffer = self.ctx.framebuffer(color_attachments=[texture])
            self._framebuffers[key] = framebuffer
        return framebuffer

    def _set_uniforms(
        self,
        compiled: CompiledProgram,
        params: Sequence[Params],
        first: int,
        width: int,
        height: int,
        top_down: bool,
    ) -> None:
        """Fill the per-tile uniform arrays at tiles first.. and the shared uniforms."""
        for index, item in enumerate(params, start=first):
            self._times[index] = item.time
            self._mice[index] = (
                item.mouse[0] * width,
                item.mouse[1] * height,
                item.mouse[2] * width,
                item.mouse[3] * height,
            )
            self._frames[index] = item.frame_number
        uniforms = compiled.uniforms
        for name, array in (
            ("sb_Time", self._times),
            ("sb_Mouse", self._mice),
            ("sb_Frame", self._frames),
        ):
            if name in uniforms:
                uniforms[name].write(array.tobytes())
        if "iResolution" in uniforms:
            uniforms["iResolution"].value = (float(width), float(height), 1.0)
        if "sb_TopDown" in uniforms:
            uniforms["sb_TopDown"].value = top_down

    def _current(self, program: Program | CompiledProgram) -> CompiledProgram:
        """The compiled program, with this renderer's context current for drawing it."""
        compiled = program if isinstance(program, CompiledProgram) else self.compile(program)
        self.context.make_current()
        return compiled

    def _draw(
        self,
        compiled: CompiledProgram,
        params: Sequence[Params],
        size: tuple[int, int],
        framebuffer: Any,
        first: int,
        top_down: bool,
        channels: ChannelBinding | None,
    ) -> None:
        """The one draw: len(params) images into tiles first, first+1, ... of a strip."""
        width, height = size
        self._set_uniforms(compiled, params, first, width, height, top_down)
        framebuffer.use()
        # The viewport is the scissor: llvmpipe only bins the tiles inside it, so draws
        # into other tiles neither cover nor overwrite each other.
        self.ctx.viewport = (0, first * height, width, len(params) * height)
        (self.channels if channels is None else channels).bind(compiled.uniforms)
        compiled.vertex_array.render(vertices=3)

    def draw(
        self,
        program: Program | CompiledProgram,
        params: Sequence[Params],
        size: Size,
        *,
        pixel_type: PixelType = "uint8",
        framebuffer: Any = None,
        top_down: bool = True,
        channels: ChannelBinding | None = None,
    ) -> Any:
        """Draw up to tiles_per_draw(W, H) images of one program as a vertical strip of
        tiles and return the framebuffer (no readback, no wait for the GPU).

        channels: what units 0-3 sample instead of the procedural stand-ins (buffer
        passes and cube/volume channels; see multipass.py).
        """
        compiled = self._current(program)
        width, height = image_size(size)
        count = len(params)
        most = tiles_per_draw(width, height, self.max_rows)
        if not 1 <= count <= most:
            raise ValueError(f"one draw takes 1..{most} images, got {count}")
        if framebuffer is None:
            framebuffer = self.framebuffer(width, height * count, pixel_type)
        self._draw(compiled, params, (width, height), framebuffer, 0, top_down, channels)
        return framebuffer

    def render(
        self,
        program: Program,
        params: Sequence[Params],
        size: Size,
        out: Any = None,
        *,
        pixel_type: PixelType = "uint8",
        finite_out: np.ndarray | None = None,
    ) -> Any:
        """Render len(params) images of one program into `out`, shape (N, H, W, 3).

        out: a C-contiguous numpy array or torch tensor of dtype `pixel_type`, or None
        for a new numpy array. "float32" keeps values unclamped, NaN included.
        finite_out: an optional (N, H, W) bool array that receives False where the
        program's colour was NaN or infinite (read from alpha; validation uses it to
        check programs in the uint8 format they are trained in). Returns `out`.
        """
        width, height = image_size(size)
        out = output_array(out, len(params), width, height, pixel_type)
        host = host_view(out)
        if needs_passes(program.source):
            # Buffer passes, feedback or non-2D channels: simulated frame by frame.
            from shaderbank.render.multipass import render_passes

            render_passes(self, program, params, (width, height), host, pixel_type, finite_out)
            finish_output(out, host)
            return out
        per_draw = tiles_per_draw(width, height, self.max_rows)
        compiled = self.compile(program)
        for start in range(0, len(params), per_draw):
            stop = min(start + per_draw, len(params))
            framebuffer = self.draw(
                compiled, params[start:stop], (width, height), pixel_type=pixel_type
            )
            read_tiles(
                framebuffer,
                (width, height),
                host[start:stop],
                pixel_type=pixel_type,
                finite_out=None if finite_out is None else finite_out[start:stop],
            )
        finish_output(out, host)
        return out

    def render_items(
        self,
        items: Sequence[tuple[Program, Params]],
        size: Size,
        out: Any = None,
        *,
        pixel_type: PixelType = "uint8",
    ) -> Any:
        """Render a batch of (program, params) pairs in input order, drawing program by
        program (one compile and as few draws as possible per program)."""
        width, height = image_size(size)
        out = output_array(out, len(items), width, height, pixel_type)
        host = host_view(out)
        groups: dict[str, list[int]] = {}
        programs: dict[str, Program] = {}
        for index, (program, _) in enumerate(items):
            groups.setdefault(program.id, []).append(index)
            programs.setdefault(program.id, program)
        for program_id, indices in groups.items():
            params = [items[i][1] for i in indices]
            if indices == list(range(indices[0], indices[0] + len(indices))):
                self.render(
                    programs[program_id],
                    params,
                    (width, height),
                    host[indices[0] : indices[-1] + 1],
                    pixel_type=pixel_type,
                )
            else:
                host[indices] = self.render(
                    programs[program_id], params, (width, height), pixel_type=pixel_type
                )
        finish_output(out, host)
        return out

    def draw_tiles(
        self,
        program: Program | CompiledProgram,
        params: Sequence[Params],
        size: Size,
        framebuffer: Any,
        first: int,
    ) -> None:
        """Draw len(params) images of one program into tiles first, first+1, ... of a
        strip framebuffer (from `strip`), leaving its other tiles alone. No wait.

        Several programs drawn into disjoint tiles of one strip are shaded in one scene
        and read back with one `read_tiles`: llvmpipe then bins and rasterises all of
        them per flush instead of waking up and waiting once per program. The shader
        picks each tile's parameters by its row in the framebuffer, so this program's
        uniform arrays are filled at the tiles' own indices; the other entries belong
        to earlier draws, which took their copy of the uniforms when they were issued.
        """
        compiled = self._current(program)
        width, height = image_size(size)
        count = len(params)
        tiles = framebuffer.size[1] // height
        if framebuffer.size[0] != width or not (count >= 1 and 0 <= first <= tiles - count):
            raise ValueError(
                f"tiles {first}..{first + count - 1} of {width}x{height} do not fit a "
                f"{framebuffer.size[0]}x{framebuffer.size[1]} strip"
            )
        self._draw(compiled, params, (width, height), framebuffer, first, True, None)

    def strip(self, size: Size, tiles: int, pixel_type: PixelType = "uint8") -> Any:
        """The framebuffer for `tiles` images of `size` stacked as one vertical strip,
        to draw several programs into with draw_tiles (at most tiles_per_draw tiles:
        tile indices must fit the shader's per-tile uniform arrays)."""
        width, height = image_size(size)
        most = tiles_per_draw(width, height, self.max_rows)
        if not 1 <= tiles <= most:
            raise ValueError(f"a strip holds 1..{most} images of {width}x{height}, got {tiles}")
        return self.framebuffer(width, height * tiles, pixel_type)

    def read_tiles(
        self,
        framebuffer: Any,
        size: Size,
        out: Any,
        first: int = 0,
        *,
        pixel_type: PixelType = "uint8",
    ) -> Any:
        """Read tiles first..first+len(out)-1 of a strip into `out`, a C-contiguous
        (N, H, W, 3) numpy array or tensor, top-down, in one read_into (which waits for
        every draw into the strip)."""
        width, height = image_size(size)
        count = len(out)
        if count == 0:
            return out
        out = output_array(out, count, width, height, pixel_type)
        host = host_view(out)
        self.context.make_current()
        read_tiles(framebuffer, (width, height), host, first, pixel_type=pixel_type)
        finish_output(out, host)
        return out

    def finish(self) -> None:
        """Wait until every draw has completed (for timing)."""
        self.context.make_current()
        self.ctx.finish()
