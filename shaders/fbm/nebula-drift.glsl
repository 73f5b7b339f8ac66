// name: nebula-drift
// family: fbm
// tags: noise, fbm, clouds, space, nebula
// licence: MIT
// author: shaderbank contributors
// description: Layered warped fbm gas clouds in magenta, violet and gold with a scattering of stars.

uint mixBits(uint x)
{
    x ^= x >> 16;
    x *= 0x21f0aaadU;
    x ^= x >> 15;
    x *= 0x735a2d97U;
    x ^= x >> 15;
    return x;
}

float cellHash(vec2 c, uint seed)
{
    ivec2 i = ivec2(c);
    uint h = mixBits(uint(i.x) + mixBits(uint(i.y) ^ seed) * 0x9e3779b9U);
    return float(h) * (1.0 / 4294967296.0);
}

float valueNoise(vec2 p)
{
    vec2 i = floor(p);
    vec2 f = p - i;
    vec2 u = f * f * (3.0 - 2.0 * f);
    float a = cellHash(i, 11u);
    float b = cellHash(i + vec2(1.0, 0.0), 11u);
    float c = cellHash(i + vec2(0.0, 1.0), 11u);
    float d = cellHash(i + vec2(1.0, 1.0), 11u);
    return mix(mix(a, b, u.x), mix(c, d, u.x), u.y);
}

float fbm(vec2 p)
{
    float sum = 0.0;
    float amp = 0.5;
    for (int i = 0; i < 6; i++)
    {
        sum += amp * valueNoise(p);
        p = mat2(1.7, -1.0, 1.0, 1.7) * p + vec2(-4.3, 2.9);
        amp *= 0.52;
    }
    return sum;
}

void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = (2.0 * fragCoord - iResolution.xy) / iResolution.y;
    vec2 m = iMouse.xy / max(iResolution.xy, vec2(1.0));
    float t = iTime * 0.2;
    vec2 p = uv * 1.4 + vec2(t * 1.5 + m.x * 5.0, -t * 0.6 + m.y * 5.0);

    vec2 warp = vec2(fbm(p + vec2(2.0 * t, 0.0)), fbm(p + vec2(7.1, 3.3 - t)));
    float gas = fbm(p + 2.5 * warp);
    float dust = fbm(p * 2.0 - 1.5 * warp + vec2(t, 0.0));

    vec3 col = vec3(0.06, 0.03, 0.16);
    col = mix(col, vec3(0.55, 0.10, 0.55), smoothstep(0.25, 0.7, gas));
    col = mix(col, vec3(0.20, 0.30, 0.85), smoothstep(0.45, 0.85, warp.x) * 0.7);
    col = mix(col, vec3(1.0, 0.72, 0.35), smoothstep(0.55, 0.9, gas * warp.y * 1.6));
    col *= 0.55 + 0.9 * smoothstep(0.15, 0.75, dust);
    col += vec3(0.10, 0.02, 0.12);

    vec2 sp = uv * 40.0 + vec2(t * 8.0, 0.0);
    vec2 sc = floor(sp);
    float star = cellHash(sc, 77u);
    vec2 jit = 0.25 * vec2(cellHash(sc, 5u), cellHash(sc, 9u)) - 0.125;
    col += vec3(1.0, 0.95, 0.9) * step(0.93, star) * smoothstep(0.18, 0.0, length(sp - sc - 0.5 - jit)) * 1.2;

    fragColor = vec4(clamp(col, 0.0, 1.0), 1.0);
}
