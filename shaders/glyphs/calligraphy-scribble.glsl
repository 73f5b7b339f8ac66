// name: calligraphy-scribble
// family: glyphs
// tags: glyphs, calligraphy, broad-nib, scribble, ink
// licence: MIT
// author: shaderbank contributors
// description: Broad-nib calligraphic scribbles, one looping curve per tile whose width follows the pen angle, drawn progressively over washed paper.

uint spinBits(uint v)
{
    v ^= v >> 17;
    v *= 0xed5ad4bbU;
    v ^= v >> 11;
    v *= 0xac4c1b51U;
    v ^= v >> 15;
    return v;
}

float cellRand(vec2 c, uint k)
{
    ivec2 i = ivec2(c);
    uint h = spinBits(uint(i.x) * 0x27d4eb2dU + spinBits(uint(i.y) ^ (k * 0x165667b1U)));
    return float(h) * (1.0 / 4294967296.0);
}

vec2 cmul(vec2 x, vec2 y)
{
    return vec2(x.x * y.x - x.y * y.y, x.x * y.y + x.y * y.x);
}

vec2 phasor(float a)
{
    return vec2(cos(a), sin(a));
}

void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = fragCoord / iResolution.y;
    vec2 m = iMouse.xy / max(iResolution.xy, vec2(1.0));
    float t = iTime;
    float tiles = 2.2;
    vec2 p = uv * tiles + floor(m * 5.0);
    vec2 cell = floor(p);
    vec2 f = p - cell;
    float epoch = floor(t / 3.3 + cellRand(cell, 1u));
    float prog = fract(t / 3.3 + cellRand(cell, 1u));
    vec2 key = cell + vec2(epoch * 13.0, epoch * 7.0);
    vec4 a = vec4(1.0 + floor(cellRand(key, 2u) * 3.0), 6.2831853 * cellRand(key, 3u),
                  2.0 + floor(cellRand(key, 4u) * 3.0), 6.2831853 * cellRand(key, 5u));
    vec4 b = vec4(1.0 + floor(cellRand(key, 6u) * 3.0), 6.2831853 * cellRand(key, 7u),
                  2.0 + floor(cellRand(key, 8u) * 3.0), 6.2831853 * cellRand(key, 9u));
    float nib = 0.8 + 0.6 * cellRand(key, 10u);
    vec2 nd = vec2(cos(nib), sin(nib));
    float ink = 0.0;
    const int SEG = 22;
    float total = 6.2831853 * min(prog * 1.4 + 0.25, 1.0);
    float ds = total / float(SEG);
    // four rotating phasors stepped by complex multiplication: no trig inside the loop
    vec2 z1 = phasor(a.y);
    vec2 z2 = phasor(a.w);
    vec2 z3 = phasor(b.y);
    vec2 z4 = phasor(b.w);
    vec2 r1 = phasor(a.x * ds);
    vec2 r2 = phasor(a.z * ds);
    vec2 r3 = phasor(b.x * ds);
    vec2 r4 = phasor(b.z * ds);
    vec2 prev = 0.5 + 0.3 * vec2(0.8 * z1.y + 0.35 * z2.y, 0.8 * z3.y + 0.35 * z4.x);
    float px = tiles / iResolution.y;
    float dmin = 1e9;
    for (int i = 1; i <= SEG; i++)
    {
        z1 = cmul(z1, r1);
        z2 = cmul(z2, r2);
        z3 = cmul(z3, r3);
        z4 = cmul(z4, r4);
        vec2 cur = 0.5 + 0.3 * vec2(0.8 * z1.y + 0.35 * z2.y, 0.8 * z3.y + 0.35 * z4.x);
        vec2 ba = cur - prev;
        vec2 pa = f - prev;
        float bb = max(dot(ba, ba), 1e-8);
        // skip segments that are clearly far away (saves work on whole pixel blocks)
        if (dot(pa, pa) < bb + 0.3 * sqrt(bb) + 0.03)
        {
            float h = clamp(dot(pa, ba) / bb, 0.0, 1.0);
            float d = length(pa - ba * h);
            // broad nib: width is largest when moving across the nib edge
            float w = 0.01 + 0.045 * abs(ba.x * nd.y - ba.y * nd.x) * inversesqrt(bb);
            dmin = min(dmin, d - w);
        }
        prev = cur;
    }
    ink = smoothstep(px, -px, dmin);
    float hue = cellRand(key, 11u);
    vec3 paper = 0.72 + 0.25 * cos(6.2831853 * (hue * 0.7 + vec3(0.1, 0.3, 0.55)) + f.x * 2.0 - f.y * 1.5);
    paper *= 0.9 + 0.1 * sin(f.x * 4.0 + sin(f.y * 5.0) + t * 0.3);
    vec3 inkCol = 0.5 + 0.45 * cos(6.2831853 * (hue + vec3(0.55, 0.75, 0.0)));
    inkCol *= 0.45;
    vec3 col = mix(paper, inkCol, ink);
    fragColor = vec4(clamp(col, 0.0, 1.0), 1.0);
}
