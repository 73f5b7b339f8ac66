// name: tri-leaves
// family: deadleaves
// tags: dead-leaves, occlusion, triangles, power-law, alpha-3
// licence: MIT
// author: shaderbank contributors
// description: Dead leaves of rotated triangles whose sizes follow r = rmin (1-u)^(-1/(alpha-1)) with alpha 3, flat two-tone faces in a slowly rotating vivid palette.

uint spinBits(uint v)
{
    v ^= v >> 16;
    v *= 0x45d9f3bU;
    v ^= v >> 16;
    v *= 0x45d9f3bU;
    v ^= v >> 16;
    return v;
}

vec4 rand4(vec2 cell, uint layer)
{
    ivec2 i = ivec2(cell);
    uint h = spinBits(uint(i.x) * 0x8da6b343U ^ spinBits(uint(i.y) * 0xd8163841U + layer * 0xcb1ab31fU));
    uint h2 = spinBits(h + 0x3c6ef372U);
    return vec4(float(h), float(h2), float(spinBits(h2 ^ 0xa54ff53aU)), float(spinBits(h ^ 0x510e527fU))) * (1.0 / 4294967296.0);
}

// signed distance to an equilateral triangle of circumradius r
float triDist(vec2 p, float r)
{
    const float k = 1.7320508;
    p.x = abs(p.x) - r * 0.866;
    p.y = p.y + r * 0.5;
    if (p.x + k * p.y > 0.0) p = vec2(p.x - k * p.y, -k * p.x - p.y) / 2.0;
    p.x -= clamp(p.x, -1.732 * r, 0.0);
    return -length(p) * sign(p.y);
}

void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = (fragCoord - 0.5 * iResolution.xy) / iResolution.y;
    vec2 m = iMouse.xy / max(iResolution.xy, vec2(1.0));
    float t = iTime;
    const float alpha = 3.0;
    const float rmin = 0.06;
    const float rmax = 0.5;
    vec3 col = vec3(0.5, 0.45, 0.55);
    for (int l = 0; l < 30; l++)
    {
        float fl = float(l);
        float u = fract(fl * 0.618034 + 0.21 + m.x);
        // power-law radius sample, capped
        float r = min(rmin * pow(1.0 - u * 0.999, -1.0 / (alpha - 1.0)), rmax);
        float cellSize = 2.0 * r;
        vec2 drift = vec2(cos(fl * 2.1), sin(fl * 2.1)) * (0.05 + 0.04 * fract(fl * 0.31)) * t;
        vec2 p = (uv + drift + vec2(fl * 0.37, fl * 0.71) + m.y * 3.0) / cellSize;
        vec2 cell = floor(p);
        vec2 f = (p - cell - 0.5) * cellSize;
        vec4 h = rand4(cell, uint(l) + 1u);
        float ang = 6.2831853 * h.x + t * 0.4 * (h.y - 0.5);
        vec2 q = mat2(cos(ang), -sin(ang), sin(ang), cos(ang)) * f;
        float rr = r * (0.75 + 0.25 * h.z);
        if (triDist(q, rr) < 0.0)
        {
            float k = h.w + 0.03 * t;
            vec3 base = 0.55 + 0.45 * cos(6.2831853 * (k + vec3(0.0, 0.33, 0.67)));
            float facet = step(0.0, q.x);
            col = base * (0.8 + 0.25 * facet);
            break;
        }
    }
    fragColor = vec4(clamp(col, 0.0, 1.0), 1.0);
}
