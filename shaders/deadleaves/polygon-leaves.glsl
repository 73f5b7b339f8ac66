// name: polygon-leaves
// family: deadleaves
// tags: dead-leaves, polygons, outlines, power-law, alpha-2.8
// licence: MIT
// author: shaderbank contributors
// description: Dead leaves of regular polygons with three to eight sides and thin dark outlines, radii sampled from a power law (alpha 2.8), spinning as they drift.

uint spinBits(uint v)
{
    v = (v ^ 61u) ^ (v >> 16);
    v *= 9u;
    v ^= v >> 4;
    v *= 0x27d4eb2dU;
    v ^= v >> 15;
    return v;
}

vec4 rand4(vec2 cell, uint layer)
{
    ivec2 i = ivec2(cell);
    uint h = spinBits(uint(i.x) * 0x85ebca6bU + spinBits(uint(i.y) * 0xc2b2ae35U + layer));
    uint h2 = spinBits(h + 0x27d4eb2fU);
    return vec4(float(h), float(h2), float(spinBits(h2 ^ 0x165667b1U)), float(spinBits(h + 0xd3a2646cU))) * (1.0 / 4294967296.0);
}

void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = (fragCoord - 0.5 * iResolution.xy) / iResolution.y;
    vec2 m = iMouse.xy / max(iResolution.xy, vec2(1.0));
    float t = iTime;
    const float alpha = 2.8;
    const float rmin = 0.06;
    float px = 1.0 / iResolution.y;
    vec3 col = vec3(0.2, 0.25, 0.35);
    for (int l = 0; l < 32; l++)
    {
        float fl = float(l);
        float u = fract(fl * 0.414214 + 0.6 + m.y);
        float r = min(rmin * pow(1.0 - 0.999 * u, -1.0 / (alpha - 1.0)), 0.45);
        float cellSize = 2.1 * r;
        vec2 drift = vec2(sin(fl * 0.9), cos(fl * 1.3)) * 0.07 * t;
        vec2 p = (uv + drift + vec2(fl * 0.53, fl * 0.19) + m.x * 3.0) / cellSize;
        vec2 cell = floor(p);
        vec2 f = (p - cell - 0.5) * cellSize;
        vec4 h = rand4(cell, uint(l) * 7u + 3u);
        float n = 3.0 + floor(h.x * 6.0);
        float ang = atan(f.y, f.x) + 6.2831853 * h.y + t * (h.z - 0.5) * 1.2;
        float seg = 6.2831853 / n;
        float a = mod(ang, seg) - 0.5 * seg;
        float rr = r * (0.75 + 0.25 * h.z);
        // distance to the polygon edge along its apothem direction
        float d = length(f) * cos(a) - rr * cos(0.5 * seg);
        if (d < 0.0)
        {
            vec3 base = 0.55 + 0.45 * cos(6.2831853 * (h.w * 0.8 + n * 0.11 + vec3(0.0, 0.3, 0.6)));
            col = base * (0.85 + 0.3 * (0.5 - fract(ang / seg + 0.5 * h.y)) * 0.6);
            col = mix(col, vec3(0.08, 0.06, 0.12), smoothstep(-1.8 * px, -0.3 * px, d));
            break;
        }
    }
    fragColor = vec4(clamp(col, 0.0, 1.0), 1.0);
}
