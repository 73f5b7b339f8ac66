"""The parameters of one image of a program: its point in the program's latent space."""

from __future__ import annotations

from dataclasses import dataclass

FRAME_RATE = 60.0


@dataclass(frozen=True)
class Params:
    """time: iTime in seconds. mouse: iMouse in units of the image size (x, y, click x,
    click y; Shadertoy's sign convention for the click), so a point means the same place
    at every resolution. frame: iFrame; by default the frame a 60 fps clock shows at
    `time`."""

    time: float = 1.0
    mouse: tuple[float, float, float, float] = (0.0, 0.0, 0.0, 0.0)
    frame: int | None = None

    @property
    def frame_number(self) -> int:
        return self.frame if self.frame is not None else int(self.time * FRAME_RATE)


def at_times(times: list[float] | tuple[float, ...]) -> list[Params]:
    return [Params(time=float(t)) for t in times]
