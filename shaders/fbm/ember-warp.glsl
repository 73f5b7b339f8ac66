// name: ember-warp
// family: fbm
// tags: noise, fbm, domain-warp, warm, fire
// licence: MIT
// author: shaderbank contributors
// description: Two-level domain-warped value-noise fbm in an ember palette of reds, oranges and yellows.

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
    vec2 u = f * f * f * (f * (f * 6.0 - 15.0) + 10.0);
    float a = cellHash(i);
    float b = cellHash(i + vec2(1.0, 0.0));
    float c = cellHash(i + vec2(0.0, 1.0));
    float d = cellHash(i + vec2(1.0, 1.0));
    return mix(mix(a, b, u.x), mix(c, d, u.x), u.y);
}

float fbm(vec2 p)
{
    float sum = 0.0;
    float amp = 0.5;
    mat2 rot = mat2(0.80, -0.60, 0.60, 0.80);
    for (int i = 0; i < 5; i++)
    {
        sum += amp * valueNoise(p);
        p = rot * p * 2.02 + vec2(13.1, 7.7);
        amp *= 0.5;
    }
    return sum;
}

void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = fragCoord / iResolution.y;
    vec2 m = iMouse.xy / max(iResolution.xy, vec2(1.0));
    vec2 p = uv * 3.0 + m * 4.0;
    float t = iTime * 0.3;

    vec2 q = vec2(fbm(p + vec2(0.0, t)),
                  fbm(p + vec2(5.2, 1.3) - vec2(t * 0.7, 0.0)));
    vec2 r = vec2(fbm(p + 3.5 * q + vec2(1.7, 9.2) + 0.6 * t),
                  fbm(p + 3.5 * q + vec2(8.3, 2.8) - 0.4 * t));
    float f = fbm(p + 3.5 * r);

    vec3 col = mix(vec3(0.35, 0.04, 0.02), vec3(0.95, 0.30, 0.05), smoothstep(0.2, 0.65, f));
    col = mix(col, vec3(1.0, 0.85, 0.35), smoothstep(0.55, 0.85, f * f * 1.6));
    col = mix(col, vec3(0.55, 0.08, 0.25), 0.6 * smoothstep(0.3, 0.9, length(q) - 0.2));
    col += vec3(0.25, 0.12, 0.0) * r.y * r.y;
    col = pow(clamp(col * 1.1, 0.0, 1.0), vec3(0.9));
    fragColor = vec4(col, 1.0);
}
