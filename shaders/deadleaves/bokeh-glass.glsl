// name: bokeh-glass
// family: deadleaves
// tags: dead-leaves, transparency, bokeh, discs, power-law
// licence: MIT
// author: shaderbank contributors
// description: Translucent glass discs composited front to back with bright rims, power-law radii with many small discs (alpha 3.5), drifting like out-of-focus lights.

uint spinBits(uint v)
{
    v ^= v >> 16;
    v *= 0x21f0aaadU;
    v ^= v >> 15;
    v *= 0x735a2d97U;
    v ^= v >> 15;
    return v;
}

vec4 rand4(vec2 cell, uint layer)
{
    ivec2 i = ivec2(cell);
    uint h = spinBits(uint(i.x) + spinBits(uint(i.y) ^ (layer * 0x9e3779b9U)) * 0x7feb352dU);
    // cheap extra streams: odd multipliers of one well-mixed hash
    return vec4(float(h), float(h * 0x2c1b3c6dU), float(h * 0x297a2d39U), float(h * 0x9e3779b9U)) * (1.0 / 4294967296.0);
}

void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = (fragCoord - 0.5 * iResolution.xy) / iResolution.y;
    vec2 m = iMouse.xy / max(iResolution.xy, vec2(1.0));
    float t = iTime;
    const float alpha = 3.5;
    const float rmin = 0.06;
    float px = 1.0 / iResolution.y;
    vec3 acc = vec3(0.0);
    float trans = 1.0;
    for (int l = 0; l < 16; l++)
    {
        float fl = float(l);
        float u = fract(fl * 0.618034 + 0.05 + m.x);
        float r = min(rmin * pow(1.0 - 0.999 * u, -1.0 / (alpha - 1.0)), 0.4);
        float cellSize = 2.3 * r;
        vec2 drift = vec2(0.03 * sin(fl), 0.05 + 0.06 * fract(fl * 0.29)) * t;
        vec2 p = (uv + drift + vec2(fl * 0.77, fl * 0.31) + m.y * 2.0) / cellSize;
        vec2 cell = floor(p);
        vec2 f = (p - cell - 0.5) * cellSize;
        vec4 h = rand4(cell, uint(l) + 2u);
        f -= (h.xy - 0.5) * 0.25 * r;
        float rr = r * (0.7 + 0.3 * h.z);
        float d = length(f) - rr;
        float cover = smoothstep(px, -px, d);
        if (cover > 0.0)
        {
            vec3 c = 0.55 + 0.45 * cos(6.2831853 * (h.w + 0.015 * t * (h.y + 0.5) + vec3(0.0, 0.33, 0.67)));
            float rim = smoothstep(-0.2 * rr, 0.0, d);
            c = mix(c, vec3(1.0), 0.45 * rim);
            float a = cover * (0.55 + 0.25 * h.z + 0.2 * rim);
            acc += trans * a * c;
            trans *= 1.0 - a;
            if (trans < 0.1) break;
        }
    }
    vec3 bg = mix(vec3(0.25, 0.15, 0.4), vec3(0.1, 0.35, 0.45), 0.5 + 0.5 * uv.x);
    vec3 col = acc + trans * bg;
    fragColor = vec4(clamp(col, 0.0, 1.0), 1.0);
}
