// name: contour-map
// family: fbm
// tags: noise, fbm, contours, topographic, posterised
// licence: MIT
// author: shaderbank contributors
// description: Topographic map of a morphing fbm landscape: posterised elevation tints, thin contour lines with every fifth one bold, and blue water.

uint spinBits(uint v)
{
    v ^= v >> 16;
    v *= 0x21f0aaadU;
    v ^= v >> 15;
    v *= 0x735a2d97U;
    v ^= v >> 15;
    return v;
}

float lattice(vec2 c)
{
    ivec2 i = ivec2(c);
    return float(spinBits(uint(i.x) + spinBits(uint(i.y) * 0x2545f491U) * 0x9e3779b9U)) * (1.0 / 4294967296.0);
}

float vnoise(vec2 p)
{
    vec2 i = floor(p);
    vec2 f = p - i;
    vec2 u = f * f * (3.0 - 2.0 * f);
    return mix(mix(lattice(i), lattice(i + vec2(1.0, 0.0)), u.x),
               mix(lattice(i + vec2(0.0, 1.0)), lattice(i + vec2(1.0, 1.0)), u.x), u.y);
}

float fbm(vec2 p)
{
    float s = 0.0;
    float a = 0.5;
    for (int i = 0; i < 5; i++)
    {
        s += a * vnoise(p);
        p = mat2(1.6, -1.2, 1.2, 1.6) * p + vec2(9.2, 3.1);
        a *= 0.48;
    }
    return s;
}

void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = (fragCoord - 0.5 * iResolution.xy) / iResolution.y;
    vec2 m = iMouse.xy / max(iResolution.xy, vec2(1.0));
    float t = iTime;
    vec2 p = uv * 2.4 + m * 5.0;
    // two layers moving in opposite directions: the terrain morphs rather than slides
    float h = 0.6 * fbm(p + vec2(0.12 * t, 0.05 * t)) + 0.5 * fbm(p * 1.2 - vec2(0.05 * t, 0.13 * t) + 17.0);
    h = (h - 0.45) * 1.8;
    float levels = 12.0;
    float lv = h * levels;
    float band = floor(lv);
    float fr = lv - band;
    vec3 col;
    if (h < 0.0)
        col = mix(vec3(0.15, 0.35, 0.7), vec3(0.45, 0.7, 0.9), smoothstep(-0.6, 0.0, band / levels));
    else
    {
        float e = band / levels;
        col = mix(vec3(0.45, 0.7, 0.35), vec3(0.9, 0.85, 0.45), smoothstep(0.0, 0.35, e));
        col = mix(col, vec3(0.75, 0.45, 0.3), smoothstep(0.3, 0.6, e));
        col = mix(col, vec3(0.95, 0.92, 0.95), smoothstep(0.6, 0.85, e));
    }
    float line = smoothstep(0.12, 0.0, min(fr, 1.0 - fr));
    float bold = step(4.5, mod(band + 0.5, 5.0)) + step(mod(band, 5.0), 0.5);
    float lineW = mix(0.1, 0.18, clamp(bold, 0.0, 1.0));
    line = smoothstep(lineW, lineW * 0.4, min(fr, 1.0 - fr));
    col = mix(col, col * 0.35, line * mix(0.6, 1.0, clamp(bold, 0.0, 1.0)));
    fragColor = vec4(clamp(col, 0.0, 1.0), 1.0);
}
