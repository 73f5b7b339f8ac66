// name: script-lines
// family: glyphs
// tags: glyphs, script, text-lines, pseudo-letters, scrolling
// licence: MIT
// author: shaderbank contributors
// description: Lines of an invented script, letters built from bars, bowls, hooks and dots joined by a baseline, scrolling in alternate directions over coloured bands.

uint spinBits(uint v)
{
    v ^= v >> 15;
    v *= 0x2c1b3c6dU;
    v ^= v >> 12;
    v *= 0x297a2d39U;
    v ^= v >> 15;
    return v;
}

float rnd(float a, float b, uint k)
{
    uint h = spinBits(uint(int(a)) * 0x8da6b343U ^ spinBits(uint(int(b)) * 0xd8163841U + k));
    return float(h) * (1.0 / 4294967296.0);
}

float segDist(vec2 p, vec2 a, vec2 b)
{
    vec2 pa = p - a;
    vec2 ba = b - a;
    float h = clamp(dot(pa, ba) / max(dot(ba, ba), 1e-6), 0.0, 1.0);
    return length(pa - ba * h);
}

// half ring: bowl opening left (side = 1) or right (side = -1)
float bowlDist(vec2 p, vec2 c, float r, float side)
{
    vec2 q = p - c;
    if (q.x * side > 0.0) return abs(length(q) - r);
    return length(vec2(q.x, abs(q.y) - r));
}

float primitive(vec2 f, float kind, float r1, float r2)
{
    if (kind < 1.0) return segDist(f, vec2(0.2 + 0.6 * r1, 0.15), vec2(0.2 + 0.6 * r1, 0.85));
    if (kind < 2.0) return segDist(f, vec2(0.1, 0.3 + 0.4 * r1), vec2(0.9, 0.3 + 0.4 * r2));
    if (kind < 3.0) return bowlDist(f, vec2(0.5, 0.35 + 0.3 * r1), 0.22, r2 < 0.5 ? 1.0 : -1.0);
    if (kind < 4.0) return segDist(f, vec2(0.15, 0.15), vec2(0.85, 0.85 - 0.5 * r1));
    if (kind < 5.0) return abs(length(f - vec2(0.5, 0.5)) - 0.2 - 0.1 * r1);
    return length(f - vec2(0.3 + 0.4 * r1, 0.9)) - 0.02;
}

void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = fragCoord / iResolution.y;
    vec2 m = iMouse.xy / max(iResolution.xy, vec2(1.0));
    float t = iTime;
    float rows = 5.0;
    float row = floor(uv.y * rows);
    float fy = fract(uv.y * rows);
    float dirn = mod(row, 2.0) * 2.0 - 1.0;
    float speed = 0.35 + 0.2 * rnd(row, 0.0, 5u);
    float gw = 0.65;
    float x = uv.x * rows / gw + dirn * speed * t * 2.0 + m.x * 13.0;
    float g = floor(x);
    vec2 f = vec2(fract(x), (fy - 0.22) / 0.6);
    float salt = floor(m.y * 9.0) + row * 57.0;
    float d = 1e9;
    float gap = step(0.82, rnd(g, salt, 1u));
    for (int s = 0; s < 3; s++)
    {
        float kind = floor(rnd(g, salt, uint(s) * 3u + 10u) * 6.0);
        float r1 = rnd(g, salt, uint(s) * 3u + 11u);
        float r2 = rnd(g, salt, uint(s) * 3u + 12u);
        if (s < 2 || r1 > 0.5) d = min(d, primitive(f, kind, r1, r2));
    }
    d = min(d, abs(f.y - 0.15) + 0.5 * step(0.99, rnd(g, salt, 9u)));
    d = mix(d, 1e3, gap);
    float px = rows / gw / iResolution.y;
    float ink = smoothstep(0.07 + px, 0.07 - px, d);
    vec3 band = 0.7 + 0.25 * cos(6.2831853 * (row * 0.21 + vec3(0.0, 0.33, 0.67) + 0.02 * t));
    band *= 0.9 + 0.1 * smoothstep(0.0, 0.1, fy) * smoothstep(1.0, 0.9, fy);
    vec3 inkCol = 0.35 * (0.5 + 0.5 * cos(6.2831853 * (row * 0.21 + 0.5 + vec3(0.0, 0.33, 0.67))));
    vec3 col = mix(band, inkCol, ink);
    fragColor = vec4(clamp(col, 0.0, 1.0), 1.0);
}
