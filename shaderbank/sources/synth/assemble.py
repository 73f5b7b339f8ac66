"""From a sampled program (grammar.py) to the text of its program file: the header,
the helpers it uses and a readable `mainImage`."""

from __future__ import annotations

from shaderbank.sources.synth.emit import Builder, num
from shaderbank.sources.synth.grammar import (
    Expression,
    Layer,
    Leaf,
    PlaneProgram,
    ProgramSpec,
    RaymarchProgram,
)

LICENCE = "MIT"
AUTHOR = "shaderbank synthesizer"


def describe_expression(expression: Expression) -> str:
    """Infix for binary combinators, call syntax for the rest: "rings * (fbm | voronoi)"."""
    if isinstance(expression, Leaf):
        return expression.pattern.describe()
    parts = [describe_expression(e) for e in expression.inputs]
    combinator = expression.combinator
    if combinator.arity == 2:
        wrapped = [f"({p})" if " " in p and not p.endswith(")") else p for p in parts]
        if combinator.symbol in ("min", "max", "smin"):
            return f"{combinator.symbol}({wrapped[0]}, {wrapped[1]})"
        return f"{wrapped[0]} {combinator.symbol} {wrapped[1]}"
    if combinator.arity == 3:
        return f"mix({parts[0]}, {parts[1]} by {parts[2]})"
    return f"{combinator.describe()}({parts[0]})"


def _is_atom(expression: str) -> bool:
    """True for a name or one call spanning the whole text, which any operator can take
    as an operand without parentheses."""
    if expression.replace("_", "a").isalnum():
        return True
    if not expression.endswith(")") or "(" not in expression:
        return False
    head = expression[: expression.index("(")]
    if not head.replace("_", "a").isalnum():
        return False
    depth = 0
    for position, char in enumerate(expression):
        depth += {"(": 1, ")": -1}.get(char, 0)
        if depth == 0 and position < len(expression) - 1 and position >= len(head):
            return False
    return True


def _emit_expression(out: Builder, expression: Expression, p: str) -> str:
    """Write the leaves as named variables; return the expression joining them."""
    if isinstance(expression, Leaf):
        return expression.pattern.emit(out, p)
    args = [_emit_expression(out, e, p) for e in expression.inputs]
    args = [arg if _is_atom(arg) else f"({arg})" for arg in args]
    return expression.combinator.emit(out, args)


def _expression_tags(out: Builder, expression: Expression) -> None:
    if isinstance(expression, Leaf):
        out.tag(*expression.pattern.tags())
        return
    for child in expression.inputs:
        _expression_tags(out, child)
    out.tag(*expression.combinator.tags())


def _describe_layer(layer: Layer) -> str:
    chain = " . ".join(t.describe() for t in layer.transforms)
    text = f"{chain} -> " if chain else ""
    return f"{text}{describe_expression(layer.expression)}, {layer.colour.describe()}"


def _emit_layer(out: Builder, layer: Layer, index: int, mouse_gain: float) -> None:
    """Layer 0 writes `col`; later layers write `layerN` and blend it into `col`."""
    for transform in layer.transforms:
        out.tag(*transform.tags())
    _expression_tags(out, layer.expression)
    out.tag(*layer.colour.tags())

    p = out.name("p")
    chain = " . ".join(t.describe() for t in layer.transforms) or "plain plane"
    title = "coordinates" if index == 0 else f"layer {index + 1}: coordinates"
    out.comment(f"{title}: {chain}")
    out.line(f"vec2 {p} = uv * {num(layer.zoom)} + mouse * {num(mouse_gain)};")
    for transform in layer.transforms:
        transform.emit(out, p)

    out.comment(f"pattern: {describe_expression(layer.expression)}")
    value = _emit_expression(out, layer.expression, p)
    value_name = out.name("value")
    if value != value_name:
        out.line(f"float {value_name} = {value};")
    if layer.levels is not None:
        out.tag(*layer.levels.tags())
        layer.levels.emit(out, value_name)

    out.comment(f"colour: {layer.colour.describe()}")
    colour = layer.colour.emit(out, value_name)
    if index == 0:
        out.line(f"vec3 col = {colour};")
        return
    assert layer.mask is not None and layer.mask_shape is not None and layer.blend is not None
    layer_name = out.name("layer")
    out.line(f"vec3 {layer_name} = clamp({colour}, 0.0, 1.0);")
    _expression_tags(out, layer.mask)
    out.tag(*layer.mask_shape.tags(), *layer.blend.tags())
    out.comment(f"mask: {describe_expression(layer.mask)}; blend: {layer.blend.describe()}")
    mask_value = _emit_expression(out, layer.mask, p)
    mask = out.name("mask")
    out.line(f"float {mask} = {layer.mask_shape.emit(out, mask_value)};")
    layer.blend.emit(out, "col", layer_name, mask)


def _emit_plane(out: Builder, spec: PlaneProgram) -> str:
    for index, layer in enumerate(spec.layers):
        _emit_layer(out, layer, index, spec.mouse_gain)
    if spec.shade is not None:
        out.tag(*spec.shade.tags())
        out.comment("light across the canvas")
        spec.shade.emit(out, "col", "uv")
    if spec.vignette is not None:
        out.tag(*spec.vignette.tags())
        out.comment("vignette")
        spec.vignette.emit(out, "col", "uv")
    descriptions = [_describe_layer(layer) for layer in spec.layers]
    for index, layer in enumerate(spec.layers[1:], start=1):
        assert layer.blend is not None and layer.mask is not None
        mask = describe_expression(layer.mask)
        descriptions[index] = f"{layer.blend.describe()} [{descriptions[index]}] masked by {mask}"
    text = "; ".join(descriptions)
    text += ", shaded" if spec.shade is not None else ""
    return text + (", vignette" if spec.vignette is not None else "")


def _emit_raymarch(out: Builder, spec: RaymarchProgram) -> str:
    out.tag(*spec.scene.tags())
    out.tag("cosine-palette")
    spec.scene.emit(out, spec.mouse_gain)
    return spec.scene.describe()


def program_text(spec: ProgramSpec, name: str, seed: int, grammar_version: int) -> str:
    """The complete program file for a sampled program."""
    out = Builder()
    out.tag("synthesized")
    out.line("vec2 uv = (fragCoord - 0.5 * iResolution.xy) / iResolution.y;")
    out.line("vec2 mouse = iMouse.xy / max(iResolution.xy, vec2(1.0));")
    out.line("float t = iTime;")
    for reserved in ("uv", "mouse", "t", "col"):
        out.name(reserved)
    if isinstance(spec, RaymarchProgram):
        summary = _emit_raymarch(out, spec)
    else:
        summary = _emit_plane(out, spec)
    out.comment("output")
    out.line("fragColor = vec4(clamp(col, 0.0, 1.0), 1.0);")
    header = {
        "name": name,
        "family": spec.family,
        "tags": ", ".join(out.tags),
        "licence": LICENCE,
        "author": AUTHOR,
        "description": f"grammar {grammar_version}, seed {seed}: {summary}",
    }
    return out.source(header)
