// name: circuit-truchet
// family: truchet
// tags: truchet, circuit, pcb, traces, pulses
// licence: MIT
// author: shaderbank contributors
// description: Printed-circuit Truchet of copper traces on a green board, arcs, straights and crossings joining at solder pads while bright pulses race along the tracks.

uint mixBits(uint x)
{
    x ^= x >> 16;
    x *= 0x21f0aaadU;
    x ^= x >> 15;
    x *= 0xd35a2d97U;
    x ^= x >> 15;
    return x;
}

float cellHash(vec2 c, uint salt)
{
    ivec2 i = ivec2(c);
    uint h = mixBits(uint(i.x) + mixBits(uint(i.y) * 0x2545f491U + salt * 0x9e3779b9U));
    return float(h) * (1.0 / 4294967296.0);
}

void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = (2.0 * fragCoord - iResolution.xy) / iResolution.y;
    vec2 m = iMouse.xy / max(iResolution.xy, vec2(1.0));
    float t = iTime;
    float scale = 3.2;
    float px = scale * 2.0 / iResolution.y;
    vec2 p = uv * scale + vec2(t * 0.25, t * 0.12) + m * 7.0;
    vec2 cell = floor(p);
    vec2 f = p - cell;
    float r = cellHash(cell, 3u + uint(int(floor(t * 0.25))));

    float d;
    float along;
    if (r < 0.55)
    {
        vec2 g = r < 0.275 ? f : vec2(1.0 - f.x, f.y);
        float r0 = length(g);
        float r1 = length(g - 1.0);
        d = min(abs(r0 - 0.5), abs(r1 - 0.5));
        along = r0 < r1 ? atan(g.y, g.x) * 0.6366 : 2.0 + atan(1.0 - g.y, 1.0 - g.x) * 0.6366;
    }
    else
    {
        float dh = abs(f.y - 0.5);
        float dv = abs(f.x - 0.5);
        d = min(dh, dv);
        along = dh < dv ? f.x : f.y + 2.0;
    }

    float hue = 0.04 * t + m.y;
    vec3 board = mix(vec3(0.1, 0.5, 0.3), vec3(0.15, 0.35, 0.55), 0.5 + 0.5 * sin(hue * 6.2831853));
    board *= 0.93 + 0.07 * sin((p.x + p.y) * 12.0);
    vec3 copper = vec3(0.95, 0.7, 0.3);
    float w = 0.09;
    vec3 col = board;
    col = mix(col, board * 0.55, smoothstep(w + 0.08, w, d));
    col = mix(col, copper * (0.75 + 0.25 * smoothstep(w, 0.0, d)), smoothstep(w, w - px, d));

    float pulse = fract(along * 0.5 - t * 0.9 + cellHash(cell, 11u));
    float glow = smoothstep(0.25, 0.0, pulse) * smoothstep(w, 0.0, d);
    col += vec3(0.5, 1.0, 0.9) * glow * 1.2;

    // solder pads on the edge midpoints
    vec2 e = abs(f - 0.5);
    float pad = length(vec2(min(e.x, e.y), max(e.x, e.y) - 0.5));
    col = mix(col, vec3(0.85, 0.85, 0.8), smoothstep(0.16, 0.16 - px, pad));
    col = mix(col, vec3(0.1, 0.1, 0.1), smoothstep(0.06, 0.06 - px, pad));
    fragColor = vec4(clamp(col, 0.0, 1.0), 1.0);
}
