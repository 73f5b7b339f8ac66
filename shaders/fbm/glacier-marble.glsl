// name: glacier-marble
// family: fbm
// tags: noise, fbm, marble, ridged, cold
// licence: MIT
// author: shaderbank contributors
// description: Ridged gradient-noise fbm bending sine veins into icy blue and teal marble.

uint mixBits(uint x)
{
    x ^= x >> 15;
    x *= 0x2c1b3c6dU;
    x ^= x >> 12;
    x *= 0x297a2d39U;
    x ^= x >> 15;
    return x;
}

vec2 gradAt(vec2 c)
{
    ivec2 i = ivec2(c);
    uint h = mixBits(uint(i.x) * 0x85ebca6bU ^ mixBits(uint(i.y) * 0xc2b2ae35U + 0x27d4eb2fU));
    float a = float(h) * (6.2831853 / 4294967296.0);
    return vec2(cos(a), sin(a));
}

float gradNoise(vec2 p)
{
    vec2 i = floor(p);
    vec2 f = p - i;
    vec2 u = f * f * (3.0 - 2.0 * f);
    float a = dot(gradAt(i), f);
    float b = dot(gradAt(i + vec2(1.0, 0.0)), f - vec2(1.0, 0.0));
    float c = dot(gradAt(i + vec2(0.0, 1.0)), f - vec2(0.0, 1.0));
    float d = dot(gradAt(i + vec2(1.0, 1.0)), f - vec2(1.0, 1.0));
    return mix(mix(a, b, u.x), mix(c, d, u.x), u.y);
}

float ridged(vec2 p)
{
    float sum = 0.0;
    float amp = 0.55;
    for (int i = 0; i < 5; i++)
    {
        float n = 1.0 - abs(gradNoise(p) * 1.6);
        sum += amp * n * n;
        p = mat2(1.6, 1.2, -1.2, 1.6) * p + vec2(3.1, -1.7);
        amp *= 0.5;
    }
    return sum;
}

void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = (2.0 * fragCoord - iResolution.xy) / iResolution.y;
    vec2 m = iMouse.xy / max(iResolution.xy, vec2(1.0));
    float t = iTime * 0.35;
    float ang = 0.25 * t + m.x * 2.0;
    uv = mat2(cos(ang), -sin(ang), sin(ang), cos(ang)) * uv;
    vec2 p = uv * 1.8 + vec2(t * 0.8, m.y * 3.0);

    float w = ridged(p + vec2(0.0, t * 0.5));
    float w2 = ridged(p * 0.7 + w * 1.5 - vec2(t * 0.3, 0.0));
    float veins = sin(uv.x * 3.0 + uv.y * 1.5 + 7.0 * w2 + t * 2.0);
    float v = 0.5 + 0.5 * veins;

    vec3 deep = vec3(0.02, 0.18, 0.38);
    vec3 teal = vec3(0.05, 0.62, 0.68);
    vec3 ice = vec3(0.85, 0.95, 1.0);
    vec3 col = mix(deep, teal, smoothstep(0.0, 0.6, w2 * 0.8));
    col = mix(col, ice, pow(v, 6.0));
    col = mix(col, vec3(0.35, 0.3, 0.75), 0.35 * smoothstep(0.4, 1.0, w));
    col *= 0.75 + 0.35 * w;
    fragColor = vec4(clamp(col, 0.0, 1.0), 1.0);
}
