"""EGL device enumeration through ctypes, in the order glcontext's `device_index` uses.

glcontext picks EGL devices by their raw index in eglQueryDevicesEXT. That index is not
the CUDA index (Mesa's software device and other GPUs are interleaved), so we query each
device's CUDA ordinal (EGL_NV_device_cuda) and its extensions to map names to indices.
"""

from __future__ import annotations

import ctypes
import ctypes.util
from dataclasses import dataclass

EGL_EXTENSIONS = 0x3055
EGL_DRM_DEVICE_FILE_EXT = 0x3233
EGL_CUDA_DEVICE_NV = 0x323A
MAX_DEVICES = 32


@dataclass(frozen=True)
class EGLDevice:
    index: int
    extensions: tuple[str, ...]
    cuda_index: int | None
    drm_file: str | None

    @property
    def is_software(self) -> bool:
        return "EGL_MESA_device_software" in self.extensions


def find_libegl() -> str | None:
    return ctypes.util.find_library("EGL")


def list_devices(libegl: str) -> list[EGLDevice] | None:
    """All EGL devices, or None when the EGL library cannot enumerate devices."""
    egl = ctypes.CDLL(libegl)
    get_proc = egl.eglGetProcAddress
    get_proc.restype = ctypes.c_void_p
    get_proc.argtypes = [ctypes.c_char_p]

    def proc(name: str, restype: object, *argtypes: object) -> ctypes._CFuncPtr | None:
        address = get_proc(name.encode())
        if not address:
            return None
        return ctypes.CFUNCTYPE(restype, *argtypes)(address)

    query_devices = proc(
        "eglQueryDevicesEXT",
        ctypes.c_uint,
        ctypes.c_int,
        ctypes.POINTER(ctypes.c_void_p),
        ctypes.POINTER(ctypes.c_int),
    )
    query_string = proc("eglQueryDeviceStringEXT", ctypes.c_char_p, ctypes.c_void_p, ctypes.c_int)
    query_attrib = proc(
        "eglQueryDeviceAttribEXT",
        ctypes.c_uint,
        ctypes.c_void_p,
        ctypes.c_int,
        ctypes.POINTER(ctypes.c_ssize_t),
    )
    if query_devices is None or query_string is None:
        return None
    handles = (ctypes.c_void_p * MAX_DEVICES)()
    count = ctypes.c_int(0)
    if not query_devices(MAX_DEVICES, handles, ctypes.byref(count)):
        return None
    devices = []
    for index in range(count.value):
        handle = handles[index]
        raw = query_string(handle, EGL_EXTENSIONS) or b""
        extensions = tuple(raw.decode(errors="replace").split())
        cuda_index = None
        if query_attrib is not None and "EGL_NV_device_cuda" in extensions:
            value = ctypes.c_ssize_t(-1)
            if query_attrib(handle, EGL_CUDA_DEVICE_NV, ctypes.byref(value)):
                cuda_index = int(value.value)
        drm = None
        if "EGL_EXT_device_drm" in extensions:
            drm_raw = query_string(handle, EGL_DRM_DEVICE_FILE_EXT)
            drm = drm_raw.decode(errors="replace") if drm_raw else None
        devices.append(EGLDevice(index, extensions, cuda_index, drm))
    return devices
