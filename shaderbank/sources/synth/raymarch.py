"""Raymarched scenes: a few SDF primitives joined by union or smooth union (optionally
repeated over the ground), a camera orbiting or flying with `t`, diffuse + specular
lighting and fog. `Scene.emit` writes `mapScene`, `calcNormal` and the body of
mainImage; the step count is bounded (<= 64) so a frame stays within budget.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import ClassVar, Self

from shaderbank.sources.synth import helpers
from shaderbank.sources.synth.block import Block
from shaderbank.sources.synth.costs import COST
from shaderbank.sources.synth.emit import Builder, Helper, num, plus, times_t, vec
from shaderbank.sources.synth.palettes import Colour, CosinePalette, random_colour
from shaderbank.sources.synth.sampler import Sampler

Vec3 = tuple[float, float, float]

SD_BOX3 = Helper(
    "sdBox3",
    """
float sdBox3(vec3 p, vec3 halfSize)
{
    vec3 q = abs(p) - halfSize;
    return length(max(q, 0.0)) + min(max(q.x, max(q.y, q.z)), 0.0);
}
""",
)
SD_TORUS = Helper(
    "sdTorus",
    """
float sdTorus(vec3 p, float major, float minor)
{
    return length(vec2(length(p.xz) - major, p.y)) - minor;
}
""",
)
SD_OCTAHEDRON = Helper(
    "sdOctahedron",
    """
float sdOctahedron(vec3 p, float size)
{
    p = abs(p);
    return (p.x + p.y + p.z - size) * 0.57735027;
}
""",
)
SD_CYLINDER = Helper(
    "sdCylinder",
    """
float sdCylinder(vec3 p, float radius, float halfHeight)
{
    vec2 d = abs(vec2(length(p.xz), p.y)) - vec2(radius, halfHeight);
    return min(max(d.x, d.y), 0.0) + length(max(d, 0.0));
}
""",
)
SD_CAPSULE = Helper(
    "sdCapsule",
    """
float sdCapsule(vec3 p, float radius, float halfHeight)
{
    p.y -= clamp(p.y, -halfHeight, halfHeight);
    return length(p) - radius;
}
""",
)
PRIMITIVE_HELPERS: dict[str, Helper | None] = {
    "sphere": None,
    "box": SD_BOX3,
    "torus": SD_TORUS,
    "octahedron": SD_OCTAHEDRON,
    "cylinder": SD_CYLINDER,
    "capsule": SD_CAPSULE,
}
# How the floor is painted (weights) and the GLSL of its pattern at `pos.xz`, in [0, 1].
FLOOR_PATTERNS: dict[str, float] = {
    "checker": 1.0,
    "stripes": 0.7,
    "grid": 0.7,
    "rings": 0.5,
    "plain": 0.4,
}
FLOOR_PATTERNS_GLSL: dict[str, str] = {
    "checker": "mod(floor(pos.x * {scale}) + floor(pos.z * {scale}), 2.0)",
    "stripes": "step(0.5, fract((pos.x + pos.z) * {scale} * 0.7))",
    "grid": "step(0.1, min(fract(pos.x * {scale}), fract(pos.z * {scale})))",
    "rings": "step(0.5, fract(length(pos.xz) * {scale}))",
    "plain": "clamp(0.3 * length(pos.xz) * {scale} - 0.5, 0.0, 1.0)",
}

CALC_NORMAL_TEXT = """
// Central differences on a tetrahedron: four evaluations instead of six.
vec3 calcNormal(vec3 p)
{
    vec2 k = vec2(1.0, -1.0) * 0.002;
    return normalize(k.xyy * mapScene(p + k.xyy) + k.yyx * mapScene(p + k.yyx) +
                     k.yxy * mapScene(p + k.yxy) + k.xxx * mapScene(p + k.xxx) + 1e-9);
}
"""


# How far each primitive reaches from its centre, in units of its size (see distance()).
EXTENT: dict[str, tuple[float, float]] = {  # (per unit size, constant)
    "sphere": (1.0, 0.0),
    "box": (1.23, 0.05),
    "torus": (1.3, 0.0),
    "octahedron": (1.3, 0.0),
    "cylinder": (1.0, 0.04),
    "capsule": (1.0, 0.0),
}


@dataclass(frozen=True)
class Primitive:
    kind: str
    size: float
    position: Vec3
    bob: float  # amplitude of the up-and-down motion
    speed: float
    phase: float
    spin: int  # turning with the scene's spin (1), against it (-1) or not (0)

    @classmethod
    def sample(cls, rng: Sampler, spread: float, size: tuple[float, float]) -> Primitive:
        kind = rng.choice(tuple(PRIMITIVE_HELPERS))
        position = (
            rng.uniform(-spread, spread),
            rng.uniform(-0.3, 0.5),
            rng.uniform(-spread, spread),
        )
        return cls(
            kind,
            rng.uniform(*size),
            position,
            rng.uniform(0.1, 0.45),
            rng.uniform(0.5, 1.4),
            rng.uniform(0.0, 6.283),
            rng.choice((1, -1)) if kind != "sphere" else 0,
        )

    @property
    def extent(self) -> float:
        per_size, constant = EXTENT[self.kind]
        return per_size * self.size + constant

    def reach(self) -> tuple[float, float, float]:
        """The farthest the primitive gets from the origin: (horizontal, top, bottom)."""
        x, y, z = self.position
        horizontal = math.hypot(x, z) + self.extent
        return horizontal, y + self.bob + self.extent, y - self.bob - self.extent

    def distance(self, out: Builder, q: str) -> str:
        helper = PRIMITIVE_HELPERS[self.kind]
        s = self.size
        if self.kind == "sphere":
            return f"length({q}) - {num(s)}"
        assert helper is not None
        name = out.use(helper)
        if self.kind == "box":
            return f"{name}({q}, {vec(s * 0.8, s * 0.6, s * 0.7)}) - 0.05"
        if self.kind == "torus":
            return f"{name}({q}, {num(s)}, {num(s * 0.3)})"
        if self.kind == "octahedron":
            return f"{name}({q}, {num(s * 1.3)})"
        if self.kind == "cylinder":
            return f"{name}({q}, {num(s * 0.6)}, {num(s * 0.8)}) - 0.04"
        return f"{name}({q}, {num(s * 0.4)}, {num(s * 0.6)})"


@dataclass(frozen=True)
class Scene(Block):
    layout: str  # "orbit": objects near the origin; "field": repeated over the ground
    primitives: tuple[Primitive, ...]
    smooth: float  # smooth-union width; 0 for a plain union
    spacing: float
    floor: float | None  # floor height, or no floor
    floor_colours: tuple[Colour, Colour]
    floor_scale: float
    floor_pattern: str  # one of FLOOR_PATTERNS
    focal: float
    sun: float  # strength of the glow around the light in the sky; 0 for none
    sway: tuple[float, float, float]  # the horizon's swing: amplitude, speed, phase
    camera_radius: float
    camera_height: float
    camera_speed: float
    camera_phase: float
    orbit_speed: float
    spin_speed: float
    steps: int
    light: Vec3
    shininess: float
    material: CosinePalette
    material_axis: Vec3
    shade_by_normal: bool
    sky: tuple[Colour, Colour]
    fog: float
    tag: ClassVar[str] = "raymarch"

    def tags(self) -> tuple[str, ...]:
        tags = ["raymarch", f"scene-{self.layout}"]
        if self.floor is not None:
            tags.append(f"floor-{self.floor_pattern}")
        tags += [f"sdf3d-{p.kind}" for p in self.primitives]
        tags.append("smooth-union" if self.smooth > 0.0 else "union")
        if self.layout == "field":
            tags.append("repetition")
        if self.floor is not None:
            tags.append("floor")
        return tuple(dict.fromkeys(tags))

    @property
    def cost(self) -> float:
        per_step = sum(COST[f"step-{p.kind}"] for p in self.primitives)
        if self.smooth > 0.0:
            per_step += COST["step-smooth-union"] * (len(self.primitives) - 1)
        cost = COST["raymarch"] + COST[f"raymarch-{self.layout}"] + per_step * self.steps
        return cost + (COST["raymarch-open"] if self.floor is None else 0.0)

    @property
    def bound(self) -> float:
        """Radius of a sphere about the origin that holds every object at all times."""
        margin = 0.1 + 0.25 * self.smooth
        return max(math.hypot(h, max(abs(top), abs(bottom))) for h, top, bottom in
                   (p.reach() for p in self.primitives)) + margin  # fmt: skip

    @property
    def top(self) -> float:
        """Height above which no object of a field ever reaches."""
        return max(p.reach()[1] for p in self.primitives) + 0.1 + 0.25 * self.smooth

    @classmethod
    def sample(cls, rng: Sampler) -> Self:
        layout = "orbit" if rng.chance(0.6) else "field"
        if layout == "orbit":
            count = rng.integer(2, 4)
            primitives = tuple(Primitive.sample(rng, 1.0, (0.45, 0.8)) for _ in range(count))
        else:
            # Small enough that the lane the camera flies along stays clear.
            count = rng.integer(1, 2)
            primitives = tuple(Primitive.sample(rng, 0.15, (0.3, 0.55)) for _ in range(count))
        smooth = rng.uniform(0.3, 0.8) if rng.chance(0.6) else 0.0
        has_floor = layout == "field" or rng.chance(0.5)
        floor = -rng.uniform(1.1, 1.6) if has_floor else None
        hue = rng.unit()
        floor_colours = (random_colour(rng, hue, True), random_colour(rng, hue + 0.5, False))
        sky_hue = rng.unit()
        sky = (
            random_colour(rng, sky_hue, False),
            random_colour(rng, sky_hue + rng.uniform(0.1, 0.4), rng.chance(0.5)),
        )
        light = (rng.uniform(-1.0, 1.0), rng.uniform(0.5, 1.2), rng.uniform(-1.0, 1.0))
        norm = math.sqrt(sum(c * c for c in light))
        axis = (rng.uniform(-0.6, 0.6), rng.uniform(-0.6, 0.6), rng.uniform(-0.6, 0.6))
        return cls(
            layout,
            primitives,
            smooth,
            rng.uniform(2.6, 3.6),
            floor,
            floor_colours,
            rng.uniform(0.6, 1.5),
            rng.weighted(FLOOR_PATTERNS),
            rng.uniform(1.3, 2.1),
            rng.uniform(0.3, 0.8) if rng.chance(0.5) else 0.0,
            (rng.uniform(0.15, 0.3), rng.uniform(0.4, 0.9), rng.uniform(0.0, 6.283)),
            # Without a floor the objects are all there is to see: come closer.
            rng.uniform(5.0, 6.5) if has_floor else rng.uniform(4.0, 5.0),
            rng.uniform(0.3, 1.6),
            rng.signed(0.2, 0.5),
            rng.uniform(0.0, 6.283),
            rng.signed(0.1, 0.4) if layout == "orbit" else 0.0,
            rng.signed(0.3, 1.2),
            rng.choice((40, 48, 56, 64)) if layout == "orbit" else rng.choice((32, 40)),
            (light[0] / norm, light[1] / norm, light[2] / norm),
            rng.choice((8.0, 16.0, 32.0, 64.0)),
            CosinePalette.sample_contrasting(rng),
            axis,
            rng.chance(0.4),
            sky,
            rng.uniform(0.004, 0.015) if layout == "orbit" else rng.uniform(0.008, 0.02),
        )

    # -- GLSL ----------------------------------------------------------------------------

    def _placement(self) -> Helper:
        """Globals for where the objects are and how they are turned, set once per pixel:
        recomputing their sines at every march step would cost most of the frame. One
        orbit and one spin shared by all objects keep the sines per pixel few."""
        lines = [
            "// Object placement, computed once per pixel instead of at every march step.",
            f"vec3 objectCenter[{len(self.primitives)}];",
            "mat2 spin;",
            "",
            "void placeObjects(float t)",
            "{",
            f"    mat2 orbit = rotate2d({num(self.orbit_speed)} * t);",
            f"    spin = rotate2d({num(self.spin_speed)} * t);",
        ]
        for index, primitive in enumerate(self.primitives):
            x, y, z = primitive.position
            declare = "vec2 " if index == 0 else ""
            lines.append(f"    {declare}ground = orbit * {vec(x, z)};")
            lines.append(
                f"    objectCenter[{index}] = vec3(ground.x, {num(y)} + {num(primitive.bob)} * "
                f"sin({num(primitive.speed)} * t {plus(primitive.phase)}), ground.y);"
            )
        lines.append("}")
        return Helper("placeObjects", "\n".join(lines), (helpers.ROTATE2D,))

    def _map_scene(self, out: Builder) -> Helper:
        lines = ["float mapScene(vec3 p)", "{"]
        requires: list[Helper] = [self._placement()]
        source = "p"
        if self.layout == "field":
            spacing = num(self.spacing)
            lines.append("    // the objects repeat on a grid over the ground")
            lines.append("    vec3 cell = p;")
            lines.append(f"    cell.xz = mod(p.xz + 0.5 * {spacing}, {spacing}) - 0.5 * {spacing};")
            source = "cell"
        for index, primitive in enumerate(self.primitives):
            q = f"q{index}"
            lines.append(f"    vec3 {q} = {source} - objectCenter[{index}];")
            if primitive.spin == 1:
                lines.append(f"    {q}.xz = spin * {q}.xz;")
            elif primitive.spin == -1:
                # multiplying on the right applies the inverse rotation
                lines.append(f"    {q}.xz = {q}.xz * spin;")
            distance = primitive.distance(out, q)
            if index == 0:
                lines.append(f"    float d = {distance};")
            elif self.smooth > 0.0:
                requires.append(helpers.SMIN)
                lines.append(f"    d = smin(d, {distance}, {num(self.smooth)});")
            else:
                lines.append(f"    d = min(d, {distance});")
        lines += ["    return d;", "}"]
        return Helper("mapScene", "\n".join(lines), tuple(dict.fromkeys(requires)))

    def _camera(self, out: Builder, mouse_gain: float) -> None:
        gain = num(mouse_gain)
        out.comment("camera")
        if self.layout == "orbit":
            out.line(
                f"float angle = {num(self.camera_phase)} {times_t(self.camera_speed)} "
                f"+ {gain} * mouse.x;"
            )
            out.line(
                f"vec3 ro = vec3({num(self.camera_radius)} * cos(angle), "
                f"{num(self.camera_height)} + 0.5 * sin(0.4 * t) + mouse.y, "
                f"{num(self.camera_radius)} * sin(angle));"
            )
            out.line("vec3 target = vec3(0.0, 0.0, 0.0);")
        else:
            # Fly above the field along a lane between rows of objects, looking ahead.
            speed = num(abs(self.camera_speed) * 3.0)
            height = self.top + 0.3 + self.camera_height
            out.line(
                f"vec3 ro = vec3({num(self.spacing * 0.5)} + {gain} * mouse.x, "
                f"{num(height)} + 0.2 * sin(0.5 * t), {speed} * t {plus(self.camera_phase)});"
            )
            out.line("vec3 target = ro + vec3(0.6 * sin(0.3 * t), -0.6, 1.0);")
        out.line("vec3 forward = normalize(target - ro);")
        out.line("vec3 right = normalize(cross(forward, vec3(0.0, 1.0, 0.0)));")
        out.line("vec3 up = cross(right, forward);")
        out.line(f"vec3 rd = normalize({num(self.focal)} * forward + uv.x * right + uv.y * up);")
        low, high = self.sky
        # The horizon swings with time: the background alone must already change.
        amplitude, speed, phase = self.sway
        horizon = f"0.5 + 0.8 * rd.y + {num(amplitude)} * sin({num(speed)} * t {plus(phase)})"
        out.line(f"vec3 sky = mix({vec(*low)}, {vec(*high)}, clamp({horizon}, 0.0, 1.0));")
        if self.sun > 0.0:
            out.line(f"sky += {num(self.sun)} * pow(max(dot(rd, {vec(*self.light)}), 0.0), 12.0);")

    def _march(self, out: Builder, map_scene: str) -> None:
        """March only where objects can be: inside the bounding sphere (orbit) or the
        slab above the floor (field); the floor itself is a plane, hit analytically."""
        out.comment(f"march through the objects' bounds, at most {self.steps} steps")
        floor = self.floor
        out.line("float dist = 1e9;")
        out.line("float floorDist = 1e9;")
        if floor is not None:
            with out.block("if (rd.y < -1e-3)"):
                out.line(f"floorDist = ({num(floor)} - ro.y) / rd.y;")
        if self.layout == "orbit":
            radius = num(self.bound)
            out.line("float b = dot(ro, rd);")
            out.line(f"float disc = b * b - dot(ro, ro) + {radius} * {radius};")
            opener = "if (disc > 0.0)"
            enter, leave = "max(-b - sqrt(disc), 0.0)", "-b + sqrt(disc)"
        else:
            top = num(self.top)
            opener = "if (rd.y < -1e-3)"
            # Beyond 18 units the fog hides the field: no need to march there.
            enter, leave = f"({top} - ro.y) / rd.y", "min(floorDist, 18.0)"
        with out.block(opener):
            out.line(f"float travel = {enter};")
            out.line(f"float leave = min({leave}, floorDist);")
            with out.block(f"for (int i = 0; i < {self.steps}; i++)"):
                out.line(f"float nearest = {map_scene}(ro + rd * travel);")
                with out.block("if (nearest < 0.002 * travel)"):
                    out.line("dist = travel;")
                    out.line("break;")
                out.line("travel += nearest;")
                with out.block("if (travel > leave)"):
                    out.line("break;")

    def emit(self, out: Builder, mouse_gain: float) -> None:
        map_scene = self._map_scene(out)
        calc_normal = out.use(Helper("calcNormal", CALC_NORMAL_TEXT, (map_scene,)))
        palette = out.use(helpers.COSINE_PALETTE)
        self._camera(out, mouse_gain)
        out.line("placeObjects(t);")
        self._march(out, map_scene.name)

        out.comment("shading: diffuse, specular and fog")
        out.line("vec3 col = sky;")
        out.line("float hitDist = min(dist, floorDist);")
        with out.block("if (hitDist < 1e8)"):
            out.line("vec3 pos = ro + rd * hitDist;")
            out.line(f"vec3 normal = dist < floorDist ? {calc_normal}(pos) : vec3(0.0, 1.0, 0.0);")
            out.line(f"vec3 light = {vec(*self.light)};")
            out.line("float diffuse = max(dot(normal, light), 0.0);")
            out.line(
                "float specular = pow(max(dot(normal, normalize(light - rd)), 0.0), "
                f"{num(self.shininess, 1)});"
            )
            out.line("float ambient = 0.5 + 0.5 * normal.y;")
            key = "normal" if self.shade_by_normal else "pos"
            m = self.material
            out.line(
                f"vec3 albedo = {palette}(dot({key}, {vec(*self.material_axis)}) "
                f"{times_t(m.speed)},"
            )
            out.line(f"    {vec(*m.a)}, {vec(*m.b)}, {vec(*m.c)}, {vec(*m.d)});")
            if self.floor is not None:
                dark, bright = self.floor_colours
                with out.block("if (dist >= floorDist)"):
                    ground = FLOOR_PATTERNS_GLSL[self.floor_pattern].format(
                        scale=num(self.floor_scale)
                    )
                    out.line(f"float ground = {ground};")
                    out.line(f"albedo = mix({vec(*dark)}, {vec(*bright)}, ground);")
            out.line("col = albedo * (0.3 * ambient + 0.85 * diffuse) + 0.45 * specular;")
            out.line(f"col = mix(col, sky, 1.0 - exp(-{num(self.fog, 4)} * hitDist * hitDist));")

    def describe(self) -> str:
        union = "smooth union" if self.smooth > 0.0 else "union"
        kinds = " + ".join(p.kind for p in self.primitives)
        where = "orbiting camera" if self.layout == "orbit" else "repeated field, flying camera"
        return f"raymarch({kinds}; {union}; {where})"
