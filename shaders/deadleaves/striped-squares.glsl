// name: striped-squares
// family: deadleaves
// tags: dead-leaves, squares, stripes, texture, power-law
// licence: MIT
// author: shaderbank contributors
// description: Axis-aligned square leaves each printed with its own stripe or check texture and a dark border, power-law sizes with a heavy tail (alpha 2.2), sliding in rows.

uint spinBits(uint v)
{
    v ^= v >> 15;
    v *= 0x2c1b3c6dU;
    v ^= v >> 12;
    v *= 0x297a2d39U;
    v ^= v >> 15;
    return v;
}

vec4 rand4(vec2 cell, uint layer)
{
    ivec2 i = ivec2(cell);
    uint h = spinBits(uint(i.x) + spinBits(uint(i.y) * 0x2545f491U + layer * 0x9e3779b9U));
    uint h2 = spinBits(h ^ 0x3c6ef372U);
    return vec4(float(h), float(h2), float(spinBits(h2 + 0xa54ff53aU)), float(spinBits(h ^ 0x510e527fU))) * (1.0 / 4294967296.0);
}

void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = (fragCoord - 0.5 * iResolution.xy) / iResolution.y;
    vec2 m = iMouse.xy / max(iResolution.xy, vec2(1.0));
    float t = iTime;
    const float alpha = 2.2;
    const float rmin = 0.08;
    float px = 1.0 / iResolution.y;
    vec3 col = vec3(0.95, 0.9, 0.8);
    for (int l = 0; l < 30; l++)
    {
        float fl = float(l);
        float u = fract(fl * 0.569840 + 0.13 + m.x);
        float r = min(rmin * pow(1.0 - 0.99 * u, -1.0 / (alpha - 1.0)), 0.4);
        float cellSize = 2.2 * r;
        float dirn = mod(fl, 2.0) * 2.0 - 1.0;
        vec2 drift = vec2(dirn * (0.05 + 0.04 * fract(fl * 0.71)), 0.0) * t;
        vec2 p = (uv + drift + vec2(fl * 0.41, fl * 0.67) + m.y * 2.0) / cellSize;
        vec2 cell = floor(p);
        vec2 f = (p - cell - 0.5) * cellSize;
        vec4 h = rand4(cell, uint(l) + 21u);
        f -= (h.xy - 0.5) * 0.2 * r;
        float half1 = r * (0.7 + 0.3 * h.z);
        vec2 a = abs(f);
        float d = max(a.x, a.y) - half1;
        if (d < 0.0)
        {
            vec3 c1 = 0.55 + 0.45 * cos(6.2831853 * (h.w + vec3(0.0, 0.33, 0.67)));
            vec3 c2 = 0.55 + 0.45 * cos(6.2831853 * (h.w + 0.4 + vec3(0.0, 0.33, 0.67)));
            // texture: stripes in one of four orientations or a check, 3-6 repeats per leaf
            float reps = 2.0 + floor(h.y * 2.0);
            vec2 g = f / half1 * reps;
            float kind = floor(h.x * 4.0);
            float s = kind < 1.0 ? g.x : (kind < 2.0 ? g.y : (kind < 3.0 ? g.x + g.y : floor(g.x) + floor(g.y)));
            float stripe = step(0.5, fract(s * 0.5));
            col = mix(c1, c2, stripe);
            col = mix(col, c1 * 0.3, smoothstep(-0.12 * half1 - px, -0.12 * half1 + px, d));
            break;
        }
    }
    fragColor = vec4(clamp(col, 0.0, 1.0), 1.0);
}
