// name: stamped-seals
// family: glyphs
// tags: glyphs, stamps, seals, symbols, overprint
// licence: MIT
// author: shaderbank contributors
// description: Overlapping rubber-stamp seals, rings or squares framing crosses, saltires, bars and triangles in grainy translucent inks that appear and fade in turn.

uint spinBits(uint v)
{
    v ^= v >> 16;
    v *= 0x21f0aaadU;
    v ^= v >> 15;
    v *= 0xd35a2d97U;
    v ^= v >> 15;
    return v;
}

vec4 cellRand4(vec2 c, uint k)
{
    ivec2 i = ivec2(c);
    uint h = spinBits(uint(i.x) + spinBits(uint(i.y) * 0x2545f491U + k * 0x9e3779b9U));
    uint h2 = spinBits(h ^ 0x68e31da4U);
    uint h3 = spinBits(h2 + 0xb5297a4dU);
    uint h4 = spinBits(h3 ^ 0x1b56c4e9U);
    return vec4(float(h), float(h2), float(h3), float(h4)) * (1.0 / 4294967296.0);
}

float grain(vec2 p)
{
    return textureLod(iChannel1, p, 0.0).g;
}

float symbolDist(vec2 q, float kind)
{
    vec2 a = abs(q);
    if (kind < 1.0)
        return min(max(a.x - 0.07, a.y - 0.45), max(a.y - 0.07, a.x - 0.45));
    if (kind < 2.0)
    {
        vec2 r = abs(vec2(q.x + q.y, q.x - q.y)) * 0.7071068;
        return min(max(r.x - 0.07, r.y - 0.42), max(r.y - 0.07, r.x - 0.42));
    }
    if (kind < 3.0)
    {
        float bars = abs(fract(q.y * 3.0 + 0.5) - 0.5) / 3.0 - 0.06;
        return max(bars, max(a.x - 0.4, a.y - 0.42));
    }
    vec2 b = vec2(a.x, q.y + 0.15);
    return max(b.x * 0.866 + b.y * 0.5, -b.y) - 0.28;
}

void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = fragCoord / iResolution.y;
    vec2 m = iMouse.xy / max(iResolution.xy, vec2(1.0));
    float t = iTime;
    float cells = 2.6;
    vec2 p = uv * cells + floor(m * 11.0);
    vec3 paper = mix(vec3(0.95, 0.85, 0.65), vec3(0.7, 0.85, 0.92), smoothstep(0.0, 1.0, uv.y + 0.3 * sin(uv.x * 2.0 + t * 0.2)));
    paper *= 0.93 + 0.07 * grain(uv * 0.7);
    vec3 col = paper;
    // three offset layers of stamp cells; a stamp stays inside its own cell,
    // so each layer needs only the pixel's own cell and layers overprint each other
    for (int l = 0; l < 3; l++)
    {
        float fl = float(l);
        vec2 lp = p * (1.0 + 0.18 * fl) + vec2(0.37, 0.61) * fl;
        vec2 c = floor(lp);
        vec2 rel0 = lp - c - 0.5;
        // each stamp lives for one cycle of its own clock, stamping down and fading
        float clock = t * 0.3 + cellRand4(c, 1u + uint(l) * 5u).x;
        float epoch = floor(clock);
        float age = fract(clock);
        vec4 r = cellRand4(c + vec2(epoch * 17.0, epoch * 3.0), 2u + uint(l) * 5u);
        vec2 rel = rel0 - 0.1 * (r.xy - 0.5);
        float size = 0.36 + 0.08 * r.w;
        float ang = 6.2831853 * r.z;
        vec2 q = mat2(cos(ang), -sin(ang), sin(ang), cos(ang)) * rel / size;
        float isRound = step(0.5, fract(r.w * 7.0));
        float frame = mix(abs(max(abs(q.x), abs(q.y)) - 0.66), abs(length(q) - 0.8), isRound) - 0.07;
        float kind = floor(fract(r.x * 13.0) * 4.0);
        float d = min(frame, symbolDist(q, kind));
        float px = cells / iResolution.y / size;
        float cover = smoothstep(px, -px, d);
        float g = grain(rel * 0.9 + r.yx + fl * 0.3);
        cover *= smoothstep(0.15, 0.55, g + 0.35);
        float fade = smoothstep(0.0, 0.08, age) * (1.0 - smoothstep(0.75, 1.0, age));
        float hk = fract(r.y * 11.0);
        vec3 inkCol = 0.5 + 0.5 * cos(6.2831853 * (hk + vec3(0.0, 0.33, 0.67)));
        inkCol = mix(inkCol, vec3(0.8, 0.1, 0.15), step(0.75, fract(r.z * 5.0)));
        // multiply blend like overprinted ink
        col *= mix(vec3(1.0), inkCol, cover * fade * 0.9);
    }
    fragColor = vec4(clamp(col, 0.0, 1.0), 1.0);
}
