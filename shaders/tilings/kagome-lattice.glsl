// name: kagome-lattice
// family: tilings
// tags: tiling, kagome, trihexagonal, triangles, hexagons, morph
// licence: MIT
// author: shaderbank contributors
// description: Trihexagonal kagome tiling from three families of lines whose offsets shift over time, morphing hexagons and triangles, each tile filled with nested contour rings.

uint mixBits(uint x)
{
    x ^= x >> 17;
    x *= 0xed5ad4bbU;
    x ^= x >> 11;
    x *= 0xac4c1b51U;
    x ^= x >> 15;
    return x;
}

float hash3(vec3 k)
{
    ivec3 i = ivec3(k);
    uint h = mixBits(uint(i.x) * 0x3c6ef372U + mixBits(uint(i.y) * 0x5bd1e995U + mixBits(uint(i.z))));
    return float(h) * (1.0 / 4294967296.0);
}

void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = (2.0 * fragCoord - iResolution.xy) / iResolution.y;
    vec2 m = iMouse.xy / max(iResolution.xy, vec2(1.0));
    float t = iTime;
    float scale = 3.5 + 0.7 * sin(t * 0.18);
    float px = scale * 2.0 / iResolution.y;
    float rot = 0.03 * t + m.x;
    vec2 p = mat2(cos(rot), -sin(rot), sin(rot), cos(rot)) * uv * scale + vec2(0.25 * t, -0.1 * t);

    vec2 n0 = vec2(0.0, 1.0);
    vec2 n1 = vec2(-0.8660254, -0.5);
    vec2 n2 = vec2(0.8660254, -0.5);
    float amp = 0.14 * sin(t * 0.45);
    vec3 off = vec3(0.5 / 3.0) + amp * vec3(sin(t * 0.7), sin(t * 0.7 + 2.0943951), sin(t * 0.7 + 4.1887902));
    vec3 s = vec3(dot(p, n0), dot(p, n1), dot(p, n2)) + off;
    vec3 k = floor(s);
    vec3 f = s - k;
    float sum = f.x + f.y + f.z;
    float type = sum < 1.0 ? 0.0 : (sum < 2.0 ? 1.0 : 2.0);

    vec3 fe = min(f, 1.0 - f);
    float edge = min(fe.x, min(fe.y, fe.z));
    if (type < 0.5) edge = min(min(f.x, f.y), f.z);
    else if (type > 1.5) edge = min(min(1.0 - f.x, 1.0 - f.y), 1.0 - f.z);
    else edge = min(min(min(f.x, f.y), f.z), min(min(1.0 - f.x, 1.0 - f.y), 1.0 - f.z));
    edge *= 0.8660254;

    float r = hash3(k + vec3(0.0, 0.0, type * 17.0));
    float hue = 0.06 * t + m.y + (type < 0.5 ? 0.0 : (type > 1.5 ? 0.5 : 0.2 + 0.3 * r));
    vec3 col = 0.55 + 0.45 * cos(6.2831853 * (hue + vec3(0.0, 0.33, 0.67)));
    float rings = step(0.5, fract(edge * 7.0 - t * 0.5 * (type - 1.0 + 0.3)));
    col *= 0.75 + 0.25 * rings;
    col = mix(col, vec3(0.06, 0.04, 0.1), 1.0 - smoothstep(0.03, 0.03 + px, edge));
    fragColor = vec4(clamp(col, 0.0, 1.0), 1.0);
}
