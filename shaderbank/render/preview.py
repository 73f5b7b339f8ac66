"""A live GLFW window that plays programs: left/right switch program, drag sets iMouse,
space pauses, Esc quits. Needs a display; headless machines use `render --gif`."""

from __future__ import annotations

import time
from collections.abc import Sequence

from shaderbank.errors import ShaderbankError
from shaderbank.program.params import Params
from shaderbank.program.program import Program
from shaderbank.render.gl import create_context
from shaderbank.render.renderer import Renderer

# What the window answers to, for `render --help`; on_key in play() implements them.
CONTROLS = {
    "Right / Left": "next / previous program",
    "Space": "pause / play",
    "drag (left button)": "set iMouse",
    "Esc": "quit",
}


def play(programs: Sequence[Program], size: int = 512) -> None:
    if not programs:
        raise ShaderbankError("nothing to preview")
    context = create_context(window=(size, size, "shaderbank"))
    import glfw

    window = context.window
    renderer = Renderer(context)
    state = {"index": 0, "paused": False, "clock": 0.0}

    def on_key(_window: object, key: int, _scancode: int, action: int, _mods: int) -> None:
        if action != glfw.PRESS:
            return
        if key == glfw.KEY_ESCAPE:
            glfw.set_window_should_close(window, True)
        elif key in (glfw.KEY_RIGHT, glfw.KEY_LEFT):
            step = 1 if key == glfw.KEY_RIGHT else -1
            state["index"] = (state["index"] + step) % len(programs)
            state["clock"] = 0.0
        elif key == glfw.KEY_SPACE:
            state["paused"] = not state["paused"]

    glfw.set_key_callback(window, on_key)
    mouse = (0.0, 0.0, 0.0, 0.0)
    last = time.perf_counter()
    try:
        while not glfw.window_should_close(window):
            now = time.perf_counter()
            if not state["paused"]:
                state["clock"] += now - last
            last = now
            width, height = glfw.get_framebuffer_size(window)
            if glfw.get_mouse_button(window, glfw.MOUSE_BUTTON_LEFT) == glfw.PRESS:
                x, y = glfw.get_cursor_pos(window)
                mouse = (x / size, 1 - y / size, x / size, 1 - y / size)
            program = programs[int(state["index"])]
            glfw.set_window_title(window, f"shaderbank: {program.id} t={state['clock']:.1f}")
            try:
                renderer.draw(
                    program,
                    [Params(time=state["clock"], mouse=mouse)],
                    (width, height),
                    framebuffer=context.ctx.screen,
                    top_down=False,
                )
            except ShaderbankError as error:
                glfw.set_window_title(window, f"shaderbank: {error}")
            glfw.swap_buffers(window)
            glfw.poll_events()
    finally:
        renderer.release()
        glfw.terminate()
