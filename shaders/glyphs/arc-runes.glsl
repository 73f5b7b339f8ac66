// name: arc-runes
// family: glyphs
// tags: glyphs, arcs, circular-script, runes, neon
// licence: MIT
// author: shaderbank contributors
// description: Circular-script glyphs: each cell a ring cut by arcs of smaller circles and studded with dots, turning slowly in glowing colours over shifting tinted tiles.

uint spinBits(uint v)
{
    v = (v ^ 61u) ^ (v >> 16);
    v *= 9u;
    v ^= v >> 4;
    v *= 0x27d4eb2dU;
    v ^= v >> 15;
    return v;
}

vec4 cellRand4(vec2 c, uint k)
{
    ivec2 i = ivec2(c);
    uint h = spinBits(uint(i.x) * 0x85ebca6bU + spinBits(uint(i.y) * 0xc2b2ae35U + k));
    uint h2 = spinBits(h + 0x27d4eb2fU);
    uint h3 = spinBits(h2 ^ 0x165667b1U);
    uint h4 = spinBits(h3 + 0xd3a2646cU);
    return vec4(float(h), float(h2), float(h3), float(h4)) * (1.0 / 4294967296.0);
}

// distance to the arc of a circle (centre c, radius r) kept where angle is within half-width w of a
float arcDist(vec2 p, vec2 c, float r, float a, float w)
{
    vec2 q = p - c;
    float ang = atan(q.y, q.x) - a;
    ang = mod(ang + 3.1415927, 6.2831853) - 3.1415927;
    if (abs(ang) < w) return abs(length(q) - r);
    float e = a + sign(ang) * w;
    return length(q - r * vec2(cos(e), sin(e)));
}

void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = fragCoord / iResolution.y;
    vec2 m = iMouse.xy / max(iResolution.xy, vec2(1.0));
    float t = iTime;
    float cells = 3.2;
    vec2 p = uv * cells + floor(m * 19.0) + vec2(0.0, 0.12 * t);
    vec2 cell = floor(p);
    vec2 f = p - cell - 0.5;
    float epoch = floor(t * 0.3 + cellRand4(cell, 7u).x * 2.0);
    vec4 r = cellRand4(cell + vec2(epoch * 41.0, 0.0), 1u);
    float spin = t * 0.4 * (r.w - 0.5);
    float R = 0.34;
    float d = abs(length(f) - R);
    for (int k = 0; k < 3; k++)
    {
        vec4 s = cellRand4(cell + vec2(epoch * 41.0, float(k) * 5.0), uint(k) + 2u);
        float ca = 6.2831853 * s.x + spin;
        float cr = R * (0.35 + 0.7 * s.y);
        vec2 cc = R * (0.6 + 0.5 * s.z) * vec2(cos(ca), sin(ca));
        d = min(d, arcDist(f, cc, cr, ca + 3.1415927, 0.6 + 2.0 * s.w));
        d = min(d, length(f - cc * (0.3 + 0.5 * s.w)) - 0.035);
    }
    float inner = abs(length(f) - R * (0.25 + 0.3 * r.x)) + step(0.5, r.y);
    d = min(d, inner);
    float px = cells / iResolution.y;
    float line = smoothstep(0.025 + px, 0.025 - px, d);
    float glow = exp(-d * 18.0);
    vec3 tile = 0.35 + 0.25 * cos(6.2831853 * (r.z * 0.6 + vec3(0.6, 0.75, 0.95) + 0.03 * t));
    tile *= 0.75 + 0.25 * smoothstep(0.6, 0.2, length(f));
    vec3 neon = 0.6 + 0.4 * cos(6.2831853 * (r.z + vec3(0.0, 0.33, 0.67) + 0.5));
    vec3 col = tile + neon * glow * 0.6;
    col = mix(col, vec3(1.0) * 0.4 + neon * 0.7, line);
    fragColor = vec4(clamp(col, 0.0, 1.0), 1.0);
}
