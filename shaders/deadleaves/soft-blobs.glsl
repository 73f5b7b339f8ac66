// name: soft-blobs
// family: deadleaves
// tags: dead-leaves, soft-edges, blobs, power-law, transparency
// licence: MIT
// author: shaderbank contributors
// description: Wobbly soft-edged blobs stacked front to back with partial transparency, radii power-law distributed (alpha 2.6), in a candy palette.

uint spinBits(uint v)
{
    v ^= v >> 17;
    v *= 0xed5ad4bbU;
    v ^= v >> 11;
    v *= 0xac4c1b51U;
    v ^= v >> 15;
    return v;
}

vec4 rand4(vec2 cell, uint layer)
{
    ivec2 i = ivec2(cell);
    uint h = spinBits(uint(i.x) * 0x9e3779b1U + spinBits(uint(i.y) ^ (layer * 0x165667b1U)));
    // cheap extra streams: odd multipliers of one well-mixed hash
    return vec4(float(h), float(h * 0x2c1b3c6dU), float(h * 0x297a2d39U), float(h * 0x9e3779b9U)) * (1.0 / 4294967296.0);
}

void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = (fragCoord - 0.5 * iResolution.xy) / iResolution.y;
    vec2 m = iMouse.xy / max(iResolution.xy, vec2(1.0));
    float t = iTime;
    const float alpha = 2.6;
    const float rmin = 0.06;
    vec3 acc = vec3(0.0);
    float trans = 1.0;
    for (int l = 0; l < 16; l++)
    {
        float fl = float(l);
        float u = fract(fl * 0.754878 + 0.4 + m.x * 0.5);
        float r = min(rmin * pow(1.0 - 0.999 * u, -1.0 / (alpha - 1.0)), 0.45);
        float cellSize = 2.4 * r;
        vec2 drift = vec2(0.06 + 0.05 * fract(fl * 0.43), 0.04 * sin(fl * 1.7)) * t;
        vec2 p = (uv + drift + vec2(fl * 0.29, -fl * 0.53) + m * 2.0) / cellSize;
        vec2 cell = floor(p);
        vec2 f = (p - cell - 0.5) * cellSize;
        vec4 h = rand4(cell, uint(l) + 11u);
        f -= (h.xy - 0.5) * 0.3 * r;
        // three-lobed wobble from the direction cosines, no atan: cos(3a), sin(3a)
        vec2 n = f / max(length(f), 1e-5);
        vec2 tri = vec2(4.0 * n.x * n.x * n.x - 3.0 * n.x, 3.0 * n.y - 4.0 * n.y * n.y * n.y);
        vec2 ph = vec2(cos(t * (h.w - 0.5) * 2.0 + 6.2831853 * h.z), sin(t * (h.w - 0.5) * 2.0 + 6.2831853 * h.z));
        float wob = 1.0 + 0.2 * dot(tri, ph) + 0.06 * (n.x * n.y * 4.0);
        float rr = r * (0.7 + 0.25 * h.z) * wob;
        float d = length(f) / max(rr, 1e-4);
        float a = (0.88 + 0.1 * h.w) * smoothstep(1.0, 0.78, d);
        if (a > 0.001)
        {
            vec3 c = 0.6 + 0.4 * cos(6.2831853 * (h.w * 1.7 + vec3(0.0, 0.25, 0.55) + 0.02 * t));
            c *= 0.85 + 0.25 * (1.0 - d);
            acc += trans * a * c;
            trans *= 1.0 - a;
            if (trans < 0.05) break;
        }
    }
    vec3 bg = mix(vec3(0.9, 0.75, 0.8), vec3(0.6, 0.75, 0.95), 0.5 + 0.5 * uv.y);
    vec3 col = acc + trans * bg;
    fragColor = vec4(clamp(col, 0.0, 1.0), 1.0);
}
