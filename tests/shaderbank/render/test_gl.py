from __future__ import annotations

import pytest

from shaderbank.errors import GLUnavailableError
from shaderbank.render import _egl, gl


def test_cpu_context_renders_with_llvmpipe_and_says_so(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level("INFO", logger="shaderbank.render.gl")
    context = gl.create_context("cpu")
    try:
        assert context.device == "cpu"
        assert context.is_software
        assert context.ctx.version_code >= 330
        assert context.renderer in caplog.text
    finally:
        context.release()


def test_auto_falls_back_to_the_cpu_without_an_nvidia_device(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    software = _egl.EGLDevice(0, ("EGL_MESA_device_software",), None, None)
    monkeypatch.setattr(_egl, "list_devices", lambda _lib: [software])
    context = gl.create_context("auto")
    try:
        assert context.device == "cpu"
    finally:
        context.release()


def test_cuda_index_is_matched_to_the_egl_device(monkeypatch: pytest.MonkeyPatch) -> None:
    devices = [
        _egl.EGLDevice(0, ("EGL_NV_device_cuda",), 1, None),
        _egl.EGLDevice(1, ("EGL_MESA_device_software",), None, None),
        _egl.EGLDevice(2, ("EGL_NV_device_cuda",), 0, None),
    ]
    monkeypatch.setattr(_egl, "list_devices", lambda _lib: devices)
    assert gl._pick_egl_device("cuda", 0, "libEGL.so.1") == (2, "cuda:0")
    assert gl._pick_egl_device("cuda", 1, "libEGL.so.1") == (0, "cuda:1")
    assert gl._pick_egl_device("cpu", None, "libEGL.so.1") == (1, "cpu")
    monkeypatch.setenv("LOCAL_RANK", "1")
    assert gl._pick_egl_device("auto", None, "libEGL.so.1") == (0, "cuda:1")
    with pytest.raises(GLUnavailableError, match="cuda:3"):
        gl._pick_egl_device("cuda", 3, "libEGL.so.1")


def test_a_gpu_is_never_passed_off_as_the_cpu_nor_llvmpipe_as_a_gpu(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A GPU server without Mesa lists only NVIDIA's device: "cpu" leaves the choice to
    # EGL's default device, the GPU, so the renderer it reports must be checked.
    nvidia = _egl.EGLDevice(0, ("EGL_NV_device_cuda", "EGL_EXT_device_drm"), 0, "/dev/dri/card0")
    monkeypatch.setattr(_egl, "list_devices", lambda _lib: [nvidia])
    assert gl._pick_egl_device("cpu", None, "libEGL.so.1") == (None, "cpu")
    assert gl._pick_egl_device("auto", None, "libEGL.so.1") == (0, "cuda:0")
    on_gpu, on_cpu = "NVIDIA H200/PCIe/SSE2", "llvmpipe (LLVM 15.0.6, 256 bits)"
    with pytest.raises(GLUnavailableError, match="asked for cpu but EGL gave NVIDIA H200"):
        gl.check_renderer("cpu", "cpu", on_gpu)
    with pytest.raises(GLUnavailableError, match="cuda:0 but EGL gave the software renderer"):
        gl.check_renderer("cuda", "cuda:0", on_cpu)
    with pytest.raises(GLUnavailableError, match="software renderer"):
        gl.check_renderer("auto", "cuda:0", on_cpu)
    gl.check_renderer("cuda", "cuda:0", on_gpu)
    gl.check_renderer("auto", "cuda:0", on_gpu)
    gl.check_renderer("cpu", "cpu", on_cpu)
    # "auto" that found no NVIDIA device takes EGL's default, whatever it is.
    gl.check_renderer("auto", "cpu", "Mesa Intel(R) UHD Graphics 630 (CFL GT2)")
    assert gl.egl_devices() == [
        {"index": 0, "cuda_index": 0, "software": False, "drm_file": "/dev/dri/card0"}
    ]


def test_missing_egl_names_the_packages(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_egl, "find_libegl", lambda: None)
    with pytest.raises(GLUnavailableError) as caught:
        gl.create_context("cpu")
    message = str(caught.value)
    assert "apt-get install libegl1 libegl-mesa0 libgl1-mesa-dri" in message
    assert "\n" not in message


@pytest.mark.parametrize("device", ["gpu", "cuda:x", "cpu:1", ""])
def test_unknown_devices_are_refused(device: str) -> None:
    with pytest.raises(GLUnavailableError, match="unknown device"):
        gl.parse_device(device)


def test_device_names_parse() -> None:
    assert gl.parse_device("auto") == ("auto", None)
    assert gl.parse_device("CPU") == ("cpu", None)
    assert gl.parse_device("cuda") == ("cuda", 0)
    assert gl.parse_device("cuda:3") == ("cuda", 3)


def test_environment_points_shader_caches_at_the_project(
    monkeypatch: pytest.MonkeyPatch, tmp_path
) -> None:
    for name in ("MESA_SHADER_CACHE_DIR", "__GL_SHADER_DISK_CACHE_PATH", "LP_NUM_THREADS"):
        monkeypatch.setenv(name, "")  # so that monkeypatch restores what was there
        monkeypatch.delenv(name)
    monkeypatch.setenv("SHADERBANK_CACHE", str(tmp_path))
    gl.prepare_environment(threads=3)
    import os

    assert os.environ["MESA_SHADER_CACHE_DIR"] == str(tmp_path / "shader-cache" / "mesa")
    assert os.environ["__GL_SHADER_DISK_CACHE_PATH"] == str(tmp_path / "shader-cache" / "nvidia")
    assert os.environ["LP_NUM_THREADS"] == "3"
    assert (tmp_path / "shader-cache" / "mesa").is_dir()


def test_user_settings_win_over_defaults(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LP_NUM_THREADS", "1")
    gl.prepare_environment(threads=4)
    import os

    assert os.environ["LP_NUM_THREADS"] == "1"


def test_window_without_display_points_to_headless_preview(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    with pytest.raises(GLUnavailableError, match="--gif"):
        gl.create_context(window=(64, 64, "test"))


def test_importing_the_package_or_building_the_cli_loads_no_gl() -> None:
    import subprocess
    import sys

    code = (
        "import sys, shaderbank, shaderbank.bank, shaderbank.render;"
        "from shaderbank.cli.main import build_parser; build_parser();"
        "print('moderngl' in sys.modules, 'glcontext' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False False"


@pytest.mark.gpu
def test_cuda_context_is_not_software() -> None:
    context = gl.create_context("cuda:0")
    try:
        assert not context.is_software
        assert context.device == "cuda:0"
    finally:
        context.release()


def test_torch_imported_after_a_context_does_not_crash_the_renderer() -> None:
    # torchvision imports triton lazily; triton loaded after Mesa's LLVM used to SIGSEGV.
    import subprocess
    import sys

    code = (
        "from shaderbank.render.gl import create_context\n"
        "context = create_context('cpu')\n"
        "import torchvision.transforms\n"
        "import torch._dynamo\n"
        "print('alive')\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "alive"
