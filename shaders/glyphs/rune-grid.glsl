// name: rune-grid
// family: glyphs
// tags: glyphs, runes, strokes, grid, pseudo-letters
// licence: MIT
// author: shaderbank contributors
// description: A grid of pseudo-runes, each four random strokes between nodes of a 3x3 lattice, inked on tinted parchment cells that re-letter themselves over time.

uint spinBits(uint v)
{
    v ^= v >> 16;
    v *= 0x7feb352dU;
    v ^= v >> 15;
    v *= 0x846ca68bU;
    v ^= v >> 16;
    return v;
}

float cellRand(vec2 c, uint k)
{
    ivec2 i = ivec2(c);
    uint h = spinBits(uint(i.x) * 0x9e3779b1U ^ spinBits(uint(i.y) * 0x85ebca6bU + k));
    return float(h) * (1.0 / 4294967296.0);
}

float segDist(vec2 p, vec2 a, vec2 b)
{
    vec2 pa = p - a;
    vec2 ba = b - a;
    float h = clamp(dot(pa, ba) / max(dot(ba, ba), 1e-6), 0.0, 1.0);
    return length(pa - ba * h);
}

vec2 node(float k)
{
    float i = mod(k, 3.0);
    float j = floor(k / 3.0);
    return vec2(0.22 + 0.28 * i, 0.2 + 0.3 * j);
}

void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = fragCoord / iResolution.y;
    vec2 m = iMouse.xy / max(iResolution.xy, vec2(1.0));
    float t = iTime;
    float cells = 4.5;
    vec2 p = uv * cells + vec2(0.25 * t, 0.0) + floor(m * 17.0);
    vec2 cell = floor(p);
    vec2 f = p - cell;
    // each cell re-letters at its own moments
    float epoch = floor(t * 0.5 + cellRand(cell, 3u) * 4.0);
    uint seed = uint(epoch) * 7919u + 13u;
    float d = 1e9;
    for (int s = 0; s < 4; s++)
    {
        uint k = seed + uint(s) * 31u;
        float a = floor(cellRand(cell, k) * 9.0);
        float b = floor(cellRand(cell, k + 1u) * 9.0);
        if (a == b) b = mod(a + 4.0, 9.0);
        d = min(d, segDist(f, node(a), node(b)));
    }
    float dotNode = floor(cellRand(cell, seed + 200u) * 9.0);
    d = min(d, length(f - node(dotNode)) - 0.03);
    float px = cells / iResolution.y;
    float ink = smoothstep(0.055 + px, 0.055 - px, d);
    float hue = cellRand(cell, seed + 77u);
    vec3 paper = 0.75 + 0.2 * cos(6.2831853 * (hue * 0.5 + vec3(0.0, 0.15, 0.35) + cell.y * 0.11));
    vec3 inkCol = 0.3 + 0.3 * cos(6.2831853 * (hue + vec3(0.5, 0.75, 0.95)));
    vec2 e = min(f, 1.0 - f);
    float frame = smoothstep(0.04, 0.0, min(e.x, e.y));
    vec3 col = paper * (0.94 + 0.06 * sin(f.x * 5.0 + f.y * 3.0 + hue * 40.0));
    col = mix(col, paper * 0.55, frame);
    col = mix(col, inkCol, ink);
    fragColor = vec4(clamp(col, 0.0, 1.0), 1.0);
}
