"""The grammar: which blocks fit together, how often, and within what budget.

A program is one of a few top-level structures (its family). Plane programs are one
or more layers; a layer is a chain of coordinate transforms (vec2 -> vec2), an
expression tree of patterns (vec2 -> float) joined by combinators, and a colour map
(float -> vec3); layers after the first are laid over the image through a mask with a
blend mode. Raymarched programs are sampled by `raymarch.py`.

Sampling draws every choice from one `Sampler`, in a fixed order, so a seed always
gives the same program. Programs whose estimated cost exceeds the budget are redrawn
from the same sampler (still deterministic).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, replace

from shaderbank.sources.synth.combinators import COMBINATORS, Combinator, MixBy, Threshold
from shaderbank.sources.synth.compose import Blend, MaskShape, Shade, Vignette
from shaderbank.sources.synth.costs import COST
from shaderbank.sources.synth.palettes import COLOUR_MAPS, ColourMap, Levels
from shaderbank.sources.synth.patterns import PATTERNS, Pattern
from shaderbank.sources.synth.raymarch import Scene
from shaderbank.sources.synth.sampler import Sampler
from shaderbank.sources.synth.transforms import TRANSFORMS, Transform

FAMILY_WEIGHTS: dict[str, float] = {
    "synth-pattern": 0.17,
    "synth-warp": 0.18,
    "synth-kaleido": 0.16,
    "synth-tile": 0.10,
    "synth-layers": 0.26,
    "synth-raymarch": 0.13,
}
PATTERN_WEIGHTS: dict[str, float] = {
    "fbm": 1.2,
    "ridged": 0.7,
    "voronoi": 0.9,
    "stripes": 1.0,
    "rings": 0.9,
    "checker": 0.6,
    "grid": 0.6,
    "waves": 0.9,
    "dots": 0.7,
    "shape": 1.3,
    "truchet": 0.7,
    "spiral": 0.7,
}
# Masks of layers want shapes with clear insides.
MASK_PATTERN_WEIGHTS: dict[str, float] = {
    **PATTERN_WEIGHTS,
    "shape": 3.0,
    "dots": 1.2,
    "fbm": 1.4,
    "voronoi": 0.6,
    "truchet": 1.0,
}
BINARY_WEIGHTS: dict[str, float] = {
    "add": 1.0,
    "multiply": 1.0,
    "min": 0.8,
    "max": 0.8,
    "smooth-min": 0.8,
    "abs-difference": 0.8,
}
# Binary combinators whose result's mean level (see Pattern.level) would fall outside
# this range are not drawn: most of the image would show one end of the colour map.
LEVEL_RANGE = (0.28, 0.72)
# Expressions whose level is further than this from 0.5 get a gamma (palettes.Levels).
LEVELS_BEYOND = 0.12
UNARY_WEIGHTS: dict[str, float] = {"threshold": 1.0, "posterise": 0.9, "sin-of": 1.2}
# How often an expression gets a reshaping (unary) combinator: at its top, and deeper.
# Grammar 2 raised the top one from 0.35: thresholds and posterising draw the hard
# edges that the hand-written programs have more of (docs/BENCHMARKS.md, issue 16).
UNARY_CHANCE_TOP = 0.4
UNARY_CHANCE_INNER = 0.12
# Grammar 1's plane programs left more of the canvas at one colour than the hand-written
# ones (coverage 0.79 at the median against 0.91): a pattern's background, a threshold's
# flat side. Grammar 2 lights more of them unevenly: a vignette in 0.45 (was 0.3), a
# shade (a ramp across the canvas) in 0.5.
VIGNETTE_CHANCE = 0.45
SHADE_CHANCE = 0.5
COLOUR_WEIGHTS: dict[str, float] = {"cosine-palette": 0.5, "gradient": 0.3, "hsv-sweep": 0.2}

# Budget for one program's estimated cost (costs.py: CPU ms per 256 px image). Raymarched
# scenes get less: their estimate misses by up to 2 ms, the images must stay < 10 ms.
MAX_COST = 6.0
MAX_RAYMARCH_COST = 5.4
# At most this many bands, cells or blobs per image height from one pattern, and from
# all of a layer's patterns together: finer detail aliases at training resolutions and
# turns every program into the same grey. Grammar 1 held every layer to 6 and 9, and
# its programs came out coarser than the hand-written ones (a steeper spectral slope,
# fewer edges); grammar 2 draws each layer's limits from this spread instead.
DETAIL_LIMITS: dict[str, float] = {"6": 0.5, "9": 0.3, "12": 0.2}
TOTAL_PER_FEATURES = 1.5
# A layer's base coordinate scale (uv times this), before what its transforms add.
# Grammar 2 widened it from 1.4-2.4: finer detail, more edges, a flatter spectrum, as
# the hand-written programs have.
ZOOM_RANGE = (1.6, 4.0)  # a layer's total limit, per its single-pattern limit
MAX_FEATURES = 6.0  # the coarsest limit, the default of limit_detail
MAX_TOTAL_FEATURES = MAX_FEATURES * TOTAL_PER_FEATURES


# -- expressions ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Leaf:
    pattern: Pattern


@dataclass(frozen=True)
class Apply:
    combinator: Combinator
    inputs: tuple[Expression, ...]


Expression = Leaf | Apply


def expression_cost(expression: Expression) -> float:
    if isinstance(expression, Leaf):
        return expression.pattern.cost
    return expression.combinator.cost + sum(expression_cost(e) for e in expression.inputs)


def leaves(expression: Expression) -> list[Pattern]:
    if isinstance(expression, Leaf):
        return [expression.pattern]
    return [pattern for e in expression.inputs for pattern in leaves(e)]


def sample_pattern(rng: Sampler, weights: dict[str, float] = PATTERN_WEIGHTS) -> Pattern:
    return PATTERNS[rng.weighted(weights)].sample(rng)


def is_smooth(expression: Expression) -> bool:
    """Whether the expression varies gently: smooth leaves joined by blending
    combinators (reshaping ones add bands or edges)."""
    if isinstance(expression, Leaf):
        return expression.pattern.smooth
    return expression.combinator.arity > 1 and all(is_smooth(e) for e in expression.inputs)


def map_leaves(expression: Expression, change: Callable[[Pattern], Pattern]) -> Expression:
    if isinstance(expression, Leaf):
        return Leaf(change(expression.pattern))
    return Apply(expression.combinator, tuple(map_leaves(e, change) for e in expression.inputs))


def level(expression: Expression) -> float:
    """Approximate mean value of the expression over an image (see Pattern.level)."""
    if isinstance(expression, Leaf):
        return expression.pattern.level
    return expression.combinator.level([level(e) for e in expression.inputs])


def sample_expression(
    rng: Sampler, count: int, weights: dict[str, float] = PATTERN_WEIGHTS, top: bool = True
) -> Expression:
    """A tree with `count` pattern leaves and at most one reshaping (unary) combinator on
    any path, which bounds the depth of the GLSL expression. Combinators whose result
    would sit mostly at one value (e.g. min with sparse dots) are not drawn."""
    expression: Expression
    if count == 1:
        expression = Leaf(sample_pattern(rng, weights))
    elif count == 3 and rng.chance(0.3):
        inputs = tuple(Leaf(sample_pattern(rng, weights)) for _ in range(3))
        expression = Apply(MixBy(), inputs)
    else:
        left = rng.integer(1, count - 1)
        inputs = (
            sample_expression(rng, left, weights, top=False),
            sample_expression(rng, count - left, weights, top=False),
        )
        levels = [level(e) for e in inputs]
        binary = {
            name: weight
            for name, weight in BINARY_WEIGHTS.items()
            if LEVEL_RANGE[0] <= COMBINATORS[name].level(levels) <= LEVEL_RANGE[1]
        } or {"add": 1.0}
        expression = Apply(COMBINATORS[rng.weighted(binary)].sample(rng), inputs)
    if not _has_unary(expression) and rng.chance(UNARY_CHANCE_TOP if top else UNARY_CHANCE_INNER):
        unary = dict(UNARY_WEIGHTS)
        if not is_smooth(expression):
            # Bands of bands alias into noise: sin-of only follows smooth inputs.
            del unary["sin-of"]
        combinator = COMBINATORS[rng.weighted(unary)].sample(rng)
        if isinstance(combinator, Threshold):
            # Cut near the input's typical value, so both sides of the cut show.
            edge = min(0.7, max(0.3, level(expression))) + rng.uniform(-0.08, 0.08)
            combinator = replace(combinator, edge=edge)
        expression = Apply(combinator, (expression,))
    return expression


def _has_unary(expression: Expression) -> bool:
    if isinstance(expression, Leaf):
        return False
    return expression.combinator.arity == 1 or any(_has_unary(e) for e in expression.inputs)


def limit_detail(
    expression: Expression, scale: float, max_features: float = MAX_FEATURES
) -> Expression:
    """Lower leaf frequencies so that, at coordinate `scale` (zoom times what the
    transforms add), no leaf draws more than `max_features` features per image height
    and all leaves together no more than TOTAL_PER_FEATURES times that (overlaid
    patterns add edges)."""
    max_total = max_features * TOTAL_PER_FEATURES
    total = sum(min(p.period * scale, max_features) for p in leaves(expression))
    shared = min(1.0, max_total / total) if total > 0.0 else 1.0

    def change(pattern: Pattern) -> Pattern:
        features = pattern.period * scale
        factor = shared * (max_features / features if features > max_features else 1.0)
        return pattern.rescaled(factor) if factor < 1.0 else pattern

    return map_leaves(expression, change)


# -- transforms ----------------------------------------------------------------------------


def _transform(rng: Sampler, name: str) -> Transform:
    return TRANSFORMS[name].sample(rng)


def _maybe(rng: Sampler, probability: float, name: str) -> list[Transform]:
    return [_transform(rng, name)] if rng.chance(probability) else []


def _pattern_chain(rng: Sampler) -> list[Transform]:
    chain = _maybe(rng, 0.5, "rotate") + _maybe(rng, 0.4, "scale")
    chain += _maybe(rng, 0.3, "mirror") + _maybe(rng, 0.4, "translate")
    return chain


def _warp_chain(rng: Sampler) -> list[Transform]:
    chain = _maybe(rng, 0.4, "rotate") + _maybe(rng, 0.3, "scale")
    warps = rng.weighted({"domain-warp": 1.4, "sine-warp": 1.0, "swirl": 0.8})
    chain.append(_transform(rng, warps))
    if rng.chance(0.35):
        chain.append(_transform(rng, rng.choice(("sine-warp", "swirl"))))
    return chain + _maybe(rng, 0.3, "translate")


def _kaleido_chain(rng: Sampler) -> list[Transform]:
    chain = _maybe(rng, 0.6, "rotate")
    fold = rng.weighted({"kaleido": 2.0, "polar": 0.8, "log-polar": 0.8, "mirror": 0.5})
    chain.append(_transform(rng, fold))
    if fold in ("kaleido", "mirror"):
        # Moving the folded plane under the pattern is what makes a kaleidoscope turn.
        chain += _maybe(rng, 0.7, "translate") + _maybe(rng, 0.4, "rotate")
    chain += _maybe(rng, 0.25, "sine-warp")
    return chain


def _tile_chain(rng: Sampler) -> list[Transform]:
    chain = _maybe(rng, 0.5, "rotate") + _maybe(rng, 0.3, "sine-warp")
    chain.append(_transform(rng, "tile"))
    chain += _maybe(rng, 0.5, "rotate") + _maybe(rng, 0.3, "mirror")
    return chain


def _layer_chain(rng: Sampler) -> list[Transform]:
    pool = {"rotate": 1.0, "scale": 0.6, "translate": 0.8, "mirror": 0.4, "kaleido": 0.5,
            "tile": 0.4, "sine-warp": 0.6, "swirl": 0.4, "polar": 0.3}  # fmt: skip
    return [_transform(rng, rng.weighted(pool)) for _ in range(rng.integer(0, 2))]


CHAINS: dict[str, Callable[[Sampler], list[Transform]]] = {
    "synth-pattern": _pattern_chain,
    "synth-warp": _warp_chain,
    "synth-kaleido": _kaleido_chain,
    "synth-tile": _tile_chain,
    "synth-layers": _layer_chain,
}
LEAF_COUNTS: dict[str, dict[int, float]] = {
    "synth-pattern": {1: 0.25, 2: 0.45, 3: 0.3},
    "synth-warp": {1: 0.45, 2: 0.4, 3: 0.15},
    "synth-kaleido": {1: 0.35, 2: 0.45, 3: 0.2},
    "synth-tile": {1: 0.4, 2: 0.45, 3: 0.15},
    "synth-layers": {1: 0.65, 2: 0.35},
}


# -- programs ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Layer:
    transforms: tuple[Transform, ...]
    zoom: float
    expression: Expression
    levels: Levels | None
    colour: ColourMap
    # Layers above the first: what decides where they show, and how they blend.
    mask: Expression | None = None
    mask_shape: MaskShape | None = None
    blend: Blend | None = None

    @property
    def cost(self) -> float:
        cost = COST["layer"] + sum(t.cost for t in self.transforms) + self.colour.cost
        cost += self.levels.cost if self.levels is not None else 0.0
        cost += expression_cost(self.expression)
        if self.mask is not None and self.blend is not None:
            cost += expression_cost(self.mask) + self.blend.cost + COST["mask"]
        return cost


@dataclass(frozen=True)
class PlaneProgram:
    family: str
    mouse_gain: float
    layers: tuple[Layer, ...]
    vignette: Vignette | None
    shade: Shade | None = None

    @property
    def cost(self) -> float:
        cost = COST["program"] + sum(layer.cost for layer in self.layers)
        cost += self.shade.cost if self.shade is not None else 0.0
        return cost + (self.vignette.cost if self.vignette is not None else 0.0)


@dataclass(frozen=True)
class RaymarchProgram:
    family: str
    mouse_gain: float
    scene: Scene

    @property
    def cost(self) -> float:
        return COST["program"] + self.scene.cost


ProgramSpec = PlaneProgram | RaymarchProgram


def _fit(
    expression: Expression,
    transforms: tuple[Transform, ...],
    scale: float,
    max_features: float = MAX_FEATURES,
) -> Expression:
    """Adapt the leaves to their coordinate: detail within limits, and shapes repeated
    when the coordinate travels away over time."""
    if any(t.moves for t in transforms):
        expression = map_leaves(expression, lambda pattern: pattern.anchored())
    return limit_detail(expression, scale, max_features)


def _sample_layer(rng: Sampler, family: str, masked: bool) -> Layer:
    transforms = tuple(CHAINS[family](rng))
    zoom = rng.uniform(*ZOOM_RANGE)
    scale = zoom * math.prod(t.detail for t in transforms)
    expression = sample_expression(rng, rng.weighted(LEAF_COUNTS[family]))
    detail = float(rng.weighted(DETAIL_LIMITS))
    expression = _fit(expression, transforms, scale, detail)
    typical = level(expression)
    levels = Levels.for_level(typical) if abs(typical - 0.5) > LEVELS_BEYOND else None
    # Values of a skewed expression stay at their end when they are two-valued (a
    # gamma cannot move them): that end's colour must be neither black nor white.
    dominant = 0.0 if typical < 0.35 else 1.0 if typical > 0.65 else 0.5
    colour = COLOUR_MAPS[rng.weighted(COLOUR_WEIGHTS)].sample_contrasting(rng, dominant)
    if not masked:
        return Layer(transforms, zoom, expression, levels, colour)
    mask = _fit(Leaf(sample_pattern(rng, MASK_PATTERN_WEIGHTS)), transforms, scale, detail)
    mask_shape = MaskShape.sample(rng)
    # Cut the mask near its pattern's typical value so the layer covers a fair share.
    edge = min(0.65, max(0.35, level(mask))) + rng.uniform(-0.05, 0.05)
    mask_shape = replace(mask_shape, edge=edge)
    blend = Blend.sample(rng)
    return Layer(transforms, zoom, expression, levels, colour, mask, mask_shape, blend)


def sample_program(rng: Sampler) -> ProgramSpec:
    """Draw one program within the cost budget."""
    family = rng.weighted(FAMILY_WEIGHTS)
    mouse_gain = rng.uniform(1.0, 3.0)
    while True:
        spec: ProgramSpec
        if family == "synth-raymarch":
            spec = RaymarchProgram(family, mouse_gain, Scene.sample(rng))
        else:
            count = (3 if rng.chance(0.25) else 2) if family == "synth-layers" else 1
            layers = tuple(_sample_layer(rng, family, masked=index > 0) for index in range(count))
            vignette = Vignette.sample(rng) if rng.chance(VIGNETTE_CHANCE) else None
            shade = Shade.sample(rng) if rng.chance(SHADE_CHANCE) else None
            spec = PlaneProgram(family, mouse_gain, layers, vignette, shade)
        budget = MAX_RAYMARCH_COST if family == "synth-raymarch" else MAX_COST
        if spec.cost <= budget:
            return spec
