"""The one place that creates OpenGL contexts.

Headless contexts come from EGL: an NVIDIA device when asked for (or found, with
"auto"), Mesa's llvmpipe on the CPU otherwise. A window context (the live preview) is
made here too, so that every context in the project is born with the same environment:
shader disk caches under the project's cache folder and a sensible llvmpipe thread count.

moderngl and glcontext are imported inside the functions: importing shaderbank must not
load GL, because a process that forks after creating a context hangs its children.
"""

from __future__ import annotations

import logging
import os
import re
import sys
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from shaderbank.errors import GLUnavailableError
from shaderbank.machine import available_cpus
from shaderbank.paths import cache_dir
from shaderbank.render import _egl

if TYPE_CHECKING:
    import moderngl

log = logging.getLogger(__name__)

EGL_PACKAGES = "libegl1 libegl-mesa0 libgl1-mesa-dri"
_DEVICE_PATTERN = re.compile(r"^(auto|cpu|cuda(?::(\d+))?)$")
_SOFTWARE_RENDERERS = ("llvmpipe", "softpipe", "swrast", "lavapipe")
# The context this thread last made current. A process normally has one context; tests
# and CLIs may hold several, and GL calls go to whichever was made current last.
_current: int | None = None


@dataclass
class GLContext:
    """A moderngl context with what we learned creating it."""

    ctx: moderngl.Context
    device: str  # "cpu" or "cuda:N", as resolved
    renderer: str  # GL_RENDERER
    version: str  # GL_VERSION
    window: Any = None  # the GLFW window handle of a preview context

    @property
    def is_software(self) -> bool:
        return is_software_renderer(self.renderer)

    def make_current(self) -> None:
        """Direct GL calls to this context (a no-op when it already is current)."""
        global _current
        if _current != id(self.ctx):
            self.ctx.__enter__()
            _current = id(self.ctx)

    def release(self) -> None:
        global _current
        self.make_current()
        self.ctx.release()
        _current = None
        if self.window is not None:
            import glfw

            glfw.destroy_window(self.window)
            self.window = None


def is_software_renderer(renderer: str) -> bool:
    return any(name in renderer.lower() for name in _SOFTWARE_RENDERERS)


def prepare_environment(threads: int | None = None) -> None:
    """Set the variables GL drivers read when they load; the user's own settings win.

    Must run before the first context of the process: drivers read them once.
    """
    shader_cache = cache_dir() / "shader-cache"
    for driver in ("mesa", "nvidia"):
        try:
            (shader_cache / driver).mkdir(parents=True, exist_ok=True)
        except OSError:
            log.warning("cannot create the shader cache %s; compiling without it", shader_cache)
    os.environ.setdefault("MESA_SHADER_CACHE_DIR", str(shader_cache / "mesa"))
    os.environ.setdefault("MESA_GLSL_CACHE_DIR", str(shader_cache / "mesa"))  # Mesa < 21
    # llvmpipe caches its LLVM machine code there too, which turns a 100-300 ms JIT per
    # program into a few ms the next time; a bank of 10^4 programs needs more than the
    # 1 GB default to keep it.
    os.environ.setdefault("MESA_SHADER_CACHE_MAX_SIZE", "20G")
    os.environ.setdefault("__GL_SHADER_DISK_CACHE_SIZE", str(20 * 1024**3))
    os.environ.setdefault("__GL_SHADER_DISK_CACHE", "1")
    os.environ.setdefault("__GL_SHADER_DISK_CACHE_PATH", str(shader_cache / "nvidia"))
    os.environ.setdefault("__GL_SHADER_DISK_CACHE_SKIP_CLEANUP", "1")
    # llvmpipe starts one rasteriser thread per core by default; several rendering
    # processes then fight over the cores. Callers that run N renderers pass cores/N.
    os.environ.setdefault("LP_NUM_THREADS", str(max(1, threads or available_cpus())))


def load_triton_first() -> None:
    """Import triton (torch's kernel compiler) before Mesa loads its LLVM.

    Importing triton after llvmpipe's libLLVM is in the process crashes it (SIGSEGV in
    triton's LLVM initialisation; seen with torch 2.14.1 and Mesa 22.3). torchvision
    imports triton lazily, so a renderer process that later uses torch would crash. The
    other order works, so we import it first when it is installed (about 0.15 s).
    """
    import importlib.util

    if "triton" not in sys.modules and importlib.util.find_spec("triton") is not None:
        try:
            import triton  # noqa: F401
        except Exception as error:  # a broken triton must not stop rendering
            log.debug("triton import failed: %s", error)


def parse_device(device: str) -> tuple[str, int | None]:
    match = _DEVICE_PATTERN.match(device.strip().lower())
    if not match:
        raise GLUnavailableError(f"unknown device {device!r}: use auto, cpu or cuda:N")
    kind = match.group(1)
    if kind.startswith("cuda"):
        return "cuda", int(match.group(2) or 0)
    return kind, None


def _default_cuda_index() -> int:
    # Under torchrun each rank renders on its own GPU.
    return int(os.environ.get("LOCAL_RANK", "0"))


def _pick_egl_device(kind: str, cuda_index: int | None, libegl: str) -> tuple[int | None, str]:
    """Return (EGL device index or None for EGL's default, resolved device name)."""
    devices = _egl.list_devices(libegl)
    if devices is None:
        if kind == "cuda":
            raise GLUnavailableError("this EGL cannot list devices, so cuda:N cannot be chosen")
        return None, "cpu"
    cuda_devices = {d.cuda_index: d for d in devices if d.cuda_index is not None}
    if kind == "auto" and cuda_devices:
        kind, cuda_index = "cuda", _default_cuda_index()
    if kind == "cuda":
        assert cuda_index is not None
        if cuda_index not in cuda_devices:
            found = ", ".join(f"cuda:{i}" for i in sorted(cuda_devices)) or "none"
            raise GLUnavailableError(
                f"no NVIDIA EGL device for cuda:{cuda_index} (found: {found}); "
                "is the NVIDIA driver's EGL library (libnvidia-egl) installed?"
            )
        return cuda_devices[cuda_index].index, f"cuda:{cuda_index}"
    software = [d for d in devices if d.is_software]
    if software:
        return software[0].index, "cpu"
    # Mesa without a software device: let EGL choose, and check the renderer after.
    return None, "cpu"


def create_context(
    device: str = "auto",
    *,
    threads: int | None = None,
    window: tuple[int, int, str] | None = None,
    torch_later: bool = True,
) -> GLContext:
    """Create an OpenGL 3.3+ context.

    device: "auto" (an NVIDIA GPU through EGL when there is one, else the CPU),
        "cpu" (Mesa llvmpipe) or "cuda:N" (the EGL device of CUDA device N).
    threads: llvmpipe rasteriser threads for this process (default: all usable cores).
    window: (width, height, title) for a visible GLFW window instead of a headless
        context; `device` is then ignored (the window system chooses).
    torch_later: the process may import torch after this; then triton is imported
        first (see load_triton_first). Stream workers, which never do, save its time
        and memory.
    """
    prepare_environment(threads)
    if window is not None:
        return _create_window_context(*window)
    kind, cuda_index = parse_device(device)
    libegl = _egl.find_libegl()
    if libegl is None:
        raise GLUnavailableError(
            f"libEGL not found: install it with apt-get install {EGL_PACKAGES}"
        )
    if torch_later:
        load_triton_first()
    egl_index, resolved = _pick_egl_device(kind, cuda_index, libegl)
    import moderngl

    options: dict[str, Any] = {"backend": "egl", "libegl": libegl}
    if egl_index is not None:
        options["device_index"] = egl_index
    try:
        ctx = moderngl.create_standalone_context(require=330, **options)
    except Exception as error:  # glcontext raises bare Exceptions
        reason = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        raise GLUnavailableError(
            f"cannot create an EGL context ({reason}); on Debian install {EGL_PACKAGES}"
        ) from error
    context = _describe(ctx, resolved)
    global _current
    _current = id(ctx)  # a new context is current in its thread
    try:
        check_renderer(kind, resolved, context.renderer)
    except GLUnavailableError:
        ctx.release()
        _current = None
        raise
    log.info("rendering on %s (%s, %s)", context.renderer, context.device, context.version)
    return context


def check_renderer(asked: str, resolved: str, renderer: str) -> None:
    """Refuse a context whose GL_RENDERER is not the device it was made for: cuda:N on a
    software renderer, or an explicit "cpu" on a GPU. The second happens where EGL lists
    no Mesa software device (a GPU server without libegl-mesa0): EGL's default device,
    the GPU, then takes the context, and every label and figure that says cpu is wrong.
    asked is parse_device's kind; "auto" resolved to cpu takes what EGL gives."""
    software = is_software_renderer(renderer)
    if resolved.startswith("cuda") and software:
        raise GLUnavailableError(
            f"asked for {resolved} but EGL gave the software renderer {renderer}"
        )
    if asked == "cpu" and not software:
        raise GLUnavailableError(
            f"asked for cpu but EGL gave {renderer}, not llvmpipe: Mesa's software device is "
            f"missing (apt-get install {EGL_PACKAGES}); to render on the GPU ask for cuda:N"
        )


def egl_devices() -> list[dict[str, Any]]:
    """The EGL devices this process sees, in glcontext's device_index order, for checks
    and bug reports about which device renders."""
    libegl = _egl.find_libegl()
    devices = _egl.list_devices(libegl) if libegl is not None else None
    return [
        {
            "index": device.index,
            "cuda_index": device.cuda_index,
            "software": device.is_software,
            "drm_file": device.drm_file,
        }
        for device in devices or []
    ]


def _describe(ctx: moderngl.Context, device: str) -> GLContext:
    info = ctx.info
    return GLContext(
        ctx=ctx,
        device=device,
        renderer=str(info.get("GL_RENDERER", "unknown")),
        version=str(info.get("GL_VERSION", "unknown")),
    )


def has_display() -> bool:
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def _create_window_context(width: int, height: int, title: str) -> GLContext:
    if not has_display():
        raise GLUnavailableError(
            "no display for a window; preview headless with `shaderbank render --gif`"
        )
    import glfw
    import moderngl

    if not glfw.init():
        raise GLUnavailableError("GLFW could not start; preview headless with --gif")
    glfw.window_hint(glfw.CONTEXT_VERSION_MAJOR, 3)
    glfw.window_hint(glfw.CONTEXT_VERSION_MINOR, 3)
    glfw.window_hint(glfw.OPENGL_PROFILE, glfw.OPENGL_CORE_PROFILE)
    glfw.window_hint(glfw.OPENGL_FORWARD_COMPAT, True)
    handle = glfw.create_window(width, height, title, None, None)
    if not handle:
        glfw.terminate()
        raise GLUnavailableError("GLFW could not open a window; preview headless with --gif")
    glfw.make_context_current(handle)
    ctx = moderngl.create_context(require=330)
    context = _describe(ctx, "window")
    global _current
    _current = id(ctx)
    context.window = handle
    log.info("window renders on %s", context.renderer)
    return context
