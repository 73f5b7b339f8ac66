"""The GLSL helper functions synthesized programs call, each a `Helper` with its
dependencies. Blocks ask the builder for the ones they use, so a program carries only
those, each once.

Hashes are Dave Hoskins' sine-free "hash without sine": cheap on llvmpipe (no
transcendental per lattice point) and identical on every GPU, unlike fract(sin(x)).
"""

from __future__ import annotations

from functools import cache

from shaderbank.sources.synth.emit import Helper

HASH12 = Helper(
    "hash12",
    """
float hash12(vec2 p)
{
    vec3 p3 = fract(vec3(p.xyx) * 0.1031);
    p3 += dot(p3, p3.yzx + 33.33);
    return fract((p3.x + p3.y) * p3.z);
}
""",
)

HASH22 = Helper(
    "hash22",
    """
vec2 hash22(vec2 p)
{
    vec3 p3 = fract(vec3(p.xyx) * vec3(0.1031, 0.1030, 0.0973));
    p3 += dot(p3, p3.yzx + 33.33);
    return fract((p3.xx + p3.yz) * p3.zy);
}
""",
)

VALUE_NOISE = Helper(
    "valueNoise",
    """
// Smoothly interpolated random values at lattice points, in [0, 1].
float valueNoise(vec2 p)
{
    vec2 cell = floor(p);
    vec2 f = fract(p);
    vec2 u = f * f * (3.0 - 2.0 * f);
    float a = hash12(cell);
    float b = hash12(cell + vec2(1.0, 0.0));
    float c = hash12(cell + vec2(0.0, 1.0));
    float d = hash12(cell + vec2(1.0, 1.0));
    return mix(mix(a, b, u.x), mix(c, d, u.x), u.y);
}
""",
    (HASH12,),
)

GRADIENT_NOISE = Helper(
    "gradientNoise",
    """
// Perlin-style gradient noise, roughly in [-0.7, 0.7].
float gradientNoise(vec2 p)
{
    vec2 cell = floor(p);
    vec2 f = fract(p);
    vec2 u = f * f * (3.0 - 2.0 * f);
    float a = dot(hash22(cell) * 2.0 - 1.0, f);
    float b = dot(hash22(cell + vec2(1.0, 0.0)) * 2.0 - 1.0, f - vec2(1.0, 0.0));
    float c = dot(hash22(cell + vec2(0.0, 1.0)) * 2.0 - 1.0, f - vec2(0.0, 1.0));
    float d = dot(hash22(cell + vec2(1.0, 1.0)) * 2.0 - 1.0, f - vec2(1.0, 1.0));
    return mix(mix(a, b, u.x), mix(c, d, u.x), u.y);
}
""",
    (HASH22,),
)

ROTATE2D = Helper(
    "rotate2d",
    """
mat2 rotate2d(float angle)
{
    float c = cos(angle);
    float s = sin(angle);
    return mat2(c, s, -s, c);
}
""",
)

KALEIDO = Helper(
    "kaleido",
    """
// Fold the plane into one mirrored wedge of an n-fold kaleidoscope.
vec2 kaleido(vec2 p, float n)
{
    float sector = 6.2831853 / n;
    float angle = mod(atan(p.y, p.x) + 0.5 * sector, sector) - 0.5 * sector;
    return length(p) * vec2(cos(angle), abs(sin(angle)));
}
""",
)

VORONOI = Helper(
    "voronoi",
    """
// Distances to the nearest and second-nearest of jittered cell sites. Each site moves
// back and forth along a line (a triangle wave of its phase): sines here would cost
// eighteen per pixel.
vec2 voronoi(vec2 p, float phase)
{
    vec2 cell = floor(p);
    vec2 f = fract(p);
    float nearest = 8.0;
    float second = 8.0;
    for (int j = -1; j <= 1; j++)
    {
        for (int i = -1; i <= 1; i++)
        {
            vec2 offset = vec2(float(i), float(j));
            vec2 jitter = hash22(cell + offset);
            vec2 site = offset + 0.1 + 0.8 * abs(fract(jitter + phase) * 2.0 - 1.0);
            float d = length(site - f);
            second = d < nearest ? nearest : min(second, d);
            nearest = min(nearest, d);
        }
    }
    return vec2(nearest, second);
}
""",
    (HASH22,),
)

SD_BOX = Helper(
    "sdBox",
    """
float sdBox(vec2 p, vec2 halfSize)
{
    vec2 d = abs(p) - halfSize;
    return length(max(d, 0.0)) + min(max(d.x, d.y), 0.0);
}
""",
)

SD_SEGMENT = Helper(
    "sdSegment",
    """
float sdSegment(vec2 p, vec2 a, vec2 b)
{
    vec2 pa = p - a;
    vec2 ba = b - a;
    float h = clamp(dot(pa, ba) / max(dot(ba, ba), 1e-6), 0.0, 1.0);
    return length(pa - ba * h);
}
""",
)

SD_STAR = Helper(
    "sdStar",
    """
// Inigo Quilez's n-pointed star; m in [2, n] sets how sharp the points are.
float sdStar(vec2 p, float r, float n, float m)
{
    float an = 3.1415927 / n;
    float en = 3.1415927 / m;
    vec2 acs = vec2(cos(an), sin(an));
    vec2 ecs = vec2(cos(en), sin(en));
    float bn = mod(atan(p.x, p.y), 2.0 * an) - an;
    p = length(p) * vec2(cos(bn), abs(sin(bn)));
    p -= r * acs;
    p += ecs * clamp(-dot(p, ecs), 0.0, r * acs.y / ecs.y);
    return length(p) * sign(p.x);
}
""",
)

SD_POLYGON = Helper(
    "sdPolygon",
    """
// Regular n-gon of inradius r (exact inside, a bound outside).
float sdPolygon(vec2 p, float r, float n)
{
    float sector = 6.2831853 / n;
    float angle = mod(atan(p.y, p.x) + 0.5 * sector, sector) - 0.5 * sector;
    return length(p) * cos(angle) - r;
}
""",
)

TRUCHET = Helper(
    "truchet",
    """
// Distance to quarter-circle arcs in randomly flipped square tiles.
float truchet(vec2 p)
{
    vec2 cell = floor(p);
    vec2 f = fract(p) - 0.5;
    if (hash12(cell) > 0.5)
    {
        f.x = -f.x;
    }
    vec2 corner = f.x + f.y > 0.0 ? vec2(0.5) : vec2(-0.5);
    return abs(length(f - corner) - 0.5);
}
""",
    (HASH12,),
)

SMIN = Helper(
    "smin",
    """
// Polynomial smooth minimum: min() with the corner rounded over a width k.
float smin(float a, float b, float k)
{
    float h = clamp(0.5 + 0.5 * (b - a) / k, 0.0, 1.0);
    return mix(b, a, h) - k * h * (1.0 - h);
}
""",
)

COSINE_PALETTE = Helper(
    "cosinePalette",
    """
// Inigo Quilez's cosine palette: a + b * cos(2 pi (c t + d)).
vec3 cosinePalette(float t, vec3 a, vec3 b, vec3 c, vec3 d)
{
    return a + b * cos(6.2831853 * (c * t + d));
}
""",
)

HSV2RGB = Helper(
    "hsv2rgb",
    """
vec3 hsv2rgb(vec3 c)
{
    vec3 rgb = clamp(abs(mod(c.x * 6.0 + vec3(0.0, 4.0, 2.0), 6.0) - 3.0) - 1.0, 0.0, 1.0);
    return c.z * mix(vec3(1.0), rgb, c.y);
}
""",
)

NOISE_KINDS = {"value": VALUE_NOISE, "gradient": GRADIENT_NOISE}


@cache
def fbm(kind: str, octaves: int) -> Helper:
    """Fractal sum of `octaves` noise octaves, normalised to about [0, 1]. Each octave
    is rotated and shifted so lattice artefacts do not line up."""
    noise = NOISE_KINDS[kind]
    name = f"fbm{kind.capitalize()}{octaves}"
    sample = f"{noise.name}(p)" if kind == "value" else f"0.5 + {noise.name}(p)"
    norm = 1.0 - 0.5**octaves
    text = f"""
float {name}(vec2 p)
{{
    float sum = 0.0;
    float amplitude = 0.5;
    for (int i = 0; i < {octaves}; i++)
    {{
        sum += amplitude * ({sample});
        p = mat2(1.6, 1.2, -1.2, 1.6) * p + vec2(7.31, 2.17);
        amplitude *= 0.5;
    }}
    return sum / {norm:.6f};
}}
"""
    return Helper(name, text, (noise,))


@cache
def ridged(octaves: int) -> Helper:
    """Ridged multifractal: sharp crests where gradient noise crosses zero, each octave
    weighted by the one before so ridges branch instead of overlapping."""
    name = f"ridgedNoise{octaves}"
    norm = 1.0 - 0.5**octaves
    text = f"""
float {name}(vec2 p)
{{
    float sum = 0.0;
    float amplitude = 0.5;
    float weight = 1.0;
    for (int i = 0; i < {octaves}; i++)
    {{
        float crest = 1.0 - abs(gradientNoise(p)) * 1.6;
        crest *= crest * weight;
        weight = clamp(crest * 1.5, 0.0, 1.0);
        sum += amplitude * crest;
        p = mat2(1.6, 1.2, -1.2, 1.6) * p + vec2(3.71, 8.13);
        amplitude *= 0.5;
    }}
    return sum / {norm:.6f};
}}
"""
    return Helper(name, text, (GRADIENT_NOISE,))
