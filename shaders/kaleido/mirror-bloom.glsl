// name: mirror-bloom
// family: kaleido
// tags: kaleidoscope, mirror, polar-fold, noise, floral
// licence: MIT
// author: shaderbank contributors
// description: Eight-fold mirrored kaleidoscope of drifting warped noise, rendered as a glowing floral bloom in a rose and lime palette.

uint mixBits(uint x)
{
    x ^= x >> 16;
    x *= 0x7feb352dU;
    x ^= x >> 15;
    x *= 0x846ca68bU;
    x ^= x >> 16;
    return x;
}

float cellHash(vec2 c)
{
    ivec2 i = ivec2(c);
    uint h = mixBits(uint(i.x) * 0x9e3779b1U + mixBits(uint(i.y) + 0x632be5abU));
    return float(h) * (1.0 / 4294967296.0);
}

float valueNoise(vec2 p)
{
    vec2 i = floor(p);
    vec2 f = p - i;
    vec2 u = f * f * (3.0 - 2.0 * f);
    return mix(mix(cellHash(i), cellHash(i + vec2(1.0, 0.0)), u.x),
               mix(cellHash(i + vec2(0.0, 1.0)), cellHash(i + vec2(1.0, 1.0)), u.x), u.y);
}

float fbm(vec2 p)
{
    float s = 0.0;
    float a = 0.5;
    for (int i = 0; i < 4; i++)
    {
        s += a * valueNoise(p);
        p = mat2(1.6, -1.2, 1.2, 1.6) * p + 5.3;
        a *= 0.5;
    }
    return s;
}

void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = (2.0 * fragCoord - iResolution.xy) / iResolution.y;
    vec2 m = iMouse.xy / max(iResolution.xy, vec2(1.0));
    float t = iTime;
    float r = length(uv);
    float a = atan(uv.y, uv.x) + 0.1 * t;
    float sector = 6.2831853 / 8.0;
    a = mod(a, sector);
    a = abs(a - 0.5 * sector);
    vec2 p = r * vec2(cos(a), sin(a));

    vec2 q = p * 2.5 + vec2(-0.4 * t, 0.15 * t) + m * 4.0;
    float w = fbm(q + fbm(q * 1.5 + t * 0.2) * 1.8);
    float petals = 0.5 + 0.5 * cos(r * 9.0 - t * 1.5 + w * 6.0);

    vec3 rose = vec3(0.95, 0.3, 0.5);
    vec3 lime = vec3(0.65, 0.95, 0.3);
    vec3 plum = vec3(0.3, 0.1, 0.4);
    vec3 col = mix(plum, rose, smoothstep(0.3, 0.7, w));
    col = mix(col, lime, petals * smoothstep(0.45, 0.75, w));
    col += vec3(1.0, 0.85, 0.6) * 0.5 * exp(-r * 3.0);
    col *= 0.7 + 0.45 * petals;
    fragColor = vec4(clamp(col, 0.0, 1.0), 1.0);
}
