// name: hieroglyph-cells
// family: glyphs
// tags: glyphs, hieroglyphs, cells, columns, painted
// licence: MIT
// author: shaderbank contributors
// description: Columns of hieroglyph-like cells on sandstone, each holding painted suns, eyes, water zigzags, reeds or blocks with dark outlines, slowly scrolling and renewing.

uint spinBits(uint v)
{
    v ^= v >> 16;
    v *= 0x45d9f3bU;
    v ^= v >> 16;
    v *= 0x45d9f3bU;
    v ^= v >> 16;
    return v;
}

vec4 cellRand4(vec2 c, uint k)
{
    ivec2 i = ivec2(c);
    uint h = spinBits(uint(i.x) * 0x9e3779b1U ^ spinBits(uint(i.y) + k * 0x7feb352dU));
    uint h2 = spinBits(h + 0x632be5abU);
    uint h3 = spinBits(h2 ^ 0x1b873593U);
    uint h4 = spinBits(h3 + 0xe6546b64U);
    return vec4(float(h), float(h2), float(h3), float(h4)) * (1.0 / 4294967296.0);
}

float boxDist(vec2 p, vec2 b)
{
    vec2 d = abs(p) - b;
    return length(max(d, 0.0)) + min(max(d.x, d.y), 0.0);
}

// signed distance of one motif in cell space [-0.5, 0.5]^2
float motif(vec2 q, float kind, vec4 r)
{
    if (kind < 1.0) return length(q) - 0.28;
    if (kind < 2.0)
    {
        vec2 e = q / vec2(0.4, 0.2);
        return (length(e) - 1.0) * 0.2;
    }
    if (kind < 3.0)
    {
        float y = q.y - 0.1 * sin(q.x * 25.0);
        return max(abs(fract(y * 4.0 + 0.5) - 0.5) / 4.0 - 0.04, max(abs(q.x) - 0.38, abs(q.y) - 0.3));
    }
    if (kind < 4.0)
    {
        float stem = boxDist(q - vec2(0.0, -0.05), vec2(0.05, 0.33));
        float leaf = length((q - vec2(0.0, 0.3)) / vec2(0.25, 0.12)) - 1.0;
        return min(stem, leaf * 0.1);
    }
    if (kind < 5.0) return boxDist(q, vec2(0.3, 0.18 + 0.12 * r.x)) - 0.03;
    vec2 a = vec2(abs(q.x), q.y + 0.25);
    return max(a.x * 0.9 + a.y * 0.45 - 0.35, -a.y);
}

void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = fragCoord / iResolution.y;
    vec2 m = iMouse.xy / max(iResolution.xy, vec2(1.0));
    float t = iTime;
    float cells = 4.0;
    vec2 p = uv * cells;
    float colIdx = floor(p.x);
    p.y += t * (0.25 + 0.15 * cellRand4(vec2(colIdx, 0.0), 5u).x) * (mod(colIdx, 2.0) * 2.0 - 1.0);
    p += floor(m * 23.0);
    vec2 cell = floor(p);
    vec2 f = p - cell - 0.5;
    float epoch = floor(t * 0.35 + cellRand4(cell, 9u).y * 3.0);
    vec4 r = cellRand4(cell + vec2(0.0, epoch * 31.0), 1u);
    vec4 r2 = cellRand4(cell + vec2(0.0, epoch * 31.0), 2u);
    float kind = floor(r.x * 6.0);
    vec2 q = f - 0.08 * (r.yz - 0.5);
    float d = motif(q * (0.9 + 0.3 * r.w), kind, r2) / (0.9 + 0.3 * r.w);
    // optional second small motif: a dot or small sun beside the first
    float d2 = length(f - vec2(0.3, 0.32) * sign(r2.yz - 0.5)) - 0.07;
    if (r2.w > 0.5) d = min(d, d2);
    float px = cells / iResolution.y;
    vec3 sand = vec3(0.88, 0.74, 0.5) * (0.9 + 0.1 * textureLod(iChannel2, p * 0.13, 0.0).r);
    sand = mix(sand, vec3(0.85, 0.62, 0.42), 0.3 * step(0.5, fract(colIdx * 0.5)));
    vec3 paints[4] = vec3[4](vec3(0.12, 0.35, 0.75), vec3(0.8, 0.2, 0.12), vec3(0.15, 0.6, 0.45), vec3(0.95, 0.75, 0.2));
    vec3 paint = paints[int(floor(r2.x * 4.0))];
    vec3 col = sand;
    col = mix(col, paint, smoothstep(px, -px, d));
    col = mix(col, vec3(0.12, 0.08, 0.06), smoothstep(0.03 + px, 0.03 - px, abs(d)));
    col = mix(col, vec3(0.35, 0.22, 0.12), smoothstep(0.035, 0.015, 0.5 - abs(f.x)));
    fragColor = vec4(clamp(col, 0.0, 1.0), 1.0);
}
