// name: nebula-starfield
// family: particles
// tags: particles, stars, nebula, space, twinkle
// licence: MIT
// author: shaderbank contributors
// description: Three depths of twinkling stars in front of a domain-warped magenta, teal and gold nebula that slowly pans and turns.

uint mixBits(uint x)
{
    x ^= x >> 16;
    x *= 0x45d9f3bU;
    x ^= x >> 16;
    x *= 0x45d9f3bU;
    x ^= x >> 16;
    return x;
}

vec3 cellRand(vec2 c, float salt)
{
    ivec2 i = ivec2(c);
    uint h = mixBits(uint(i.x) + mixBits(uint(i.y) + mixBits(uint(int(salt)) + 0x1234567U)));
    uint h2 = mixBits(h ^ 0xa5a5a5a5U);
    uint h3 = mixBits(h2 + 0x3c3c3c3cU);
    return vec3(float(h), float(h2), float(h3)) * (1.0 / 4294967296.0);
}

float valueNoise(vec2 p)
{
    vec2 i = floor(p);
    vec2 f = p - i;
    vec2 u = f * f * (3.0 - 2.0 * f);
    float a = cellRand(i, 0.0).x;
    float b = cellRand(i + vec2(1.0, 0.0), 0.0).x;
    float c = cellRand(i + vec2(0.0, 1.0), 0.0).x;
    float d = cellRand(i + vec2(1.0, 1.0), 0.0).x;
    return mix(mix(a, b, u.x), mix(c, d, u.x), u.y);
}

float fbm(vec2 p)
{
    float s = 0.0;
    float a = 0.5;
    for (int i = 0; i < 4; i++)
    {
        s += a * valueNoise(p);
        p = mat2(1.6, 1.2, -1.2, 1.6) * p + 3.1;
        a *= 0.5;
    }
    return s;
}

void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = (2.0 * fragCoord - iResolution.xy) / iResolution.y;
    vec2 m = iMouse.xy / max(iResolution.xy, vec2(1.0));
    float t = iTime;
    float rot = 0.05 * t + m.x;
    vec2 p = mat2(cos(rot), -sin(rot), sin(rot), cos(rot)) * uv;
    vec2 pan = vec2(t * 0.16, t * 0.05) + m * 4.0;

    vec2 q = p * 1.4 + pan;
    vec2 w = vec2(fbm(q), fbm(q + vec2(5.2, 1.3)));
    float n = fbm(q + 2.2 * w + vec2(0.0, t * 0.05));
    vec3 magenta = vec3(0.85, 0.2, 0.6);
    vec3 teal = vec3(0.1, 0.6, 0.7);
    vec3 gold = vec3(1.0, 0.75, 0.35);
    vec3 col = mix(vec3(0.08, 0.06, 0.22), teal, smoothstep(0.25, 0.6, w.x));
    col = mix(col, magenta, smoothstep(0.35, 0.75, n) * 0.85);
    col = mix(col, gold, smoothstep(0.62, 0.85, n * w.y * 1.6));
    col *= 0.55 + 0.75 * n;

    for (int layer = 0; layer < 3; layer++)
    {
        float fl = float(layer);
        float sc = 7.0 + 6.0 * fl;
        vec2 sp = p * sc + pan * (2.0 + fl * 1.5) + fl * 17.0;
        vec2 cell = floor(sp);
        vec3 r = cellRand(cell, fl + 1.0);
        vec2 pos = 0.2 + 0.6 * r.xy;
        float d = length(sp - cell - pos);
        float tw = 0.6 + 0.4 * sin(t * (2.0 + 3.0 * r.z) + r.x * 30.0);
        float bright = step(0.35, r.z) * tw;
        float core = exp(-d * d * (90.0 + 40.0 * fl));
        float spikes = exp(-abs((sp - cell - pos).x) * 40.0) * exp(-abs((sp - cell - pos).y) * 6.0)
                     + exp(-abs((sp - cell - pos).y) * 40.0) * exp(-abs((sp - cell - pos).x) * 6.0);
        vec3 sc3 = mix(vec3(0.7, 0.8, 1.0), vec3(1.0, 0.85, 0.7), r.y);
        col += sc3 * bright * (core * 1.2 + spikes * 0.25 * step(fl, 0.5));
    }
    fragColor = vec4(clamp(col, 0.0, 1.0), 1.0);
}
