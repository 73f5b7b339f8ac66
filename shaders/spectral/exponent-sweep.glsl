// name: exponent-sweep
// family: spectral
// tags: spectral, octave-noise, power-law, exponent, palette
// licence: MIT
// author: shaderbank contributors
// description: Six-octave gradient noise whose power-law exponent sweeps between 0.8 (rough) and 2.5 (smooth) over time, through a cyclic sunset palette.

uint spinBits(uint v)
{
    v ^= v >> 15;
    v *= 0x2c1b3c6dU;
    v ^= v >> 12;
    v *= 0x297a2d39U;
    v ^= v >> 15;
    return v;
}

vec2 latticeDir(vec2 c, uint salt)
{
    ivec2 i = ivec2(c);
    uint h = spinBits(uint(i.x) * 0x8da6b343U ^ spinBits(uint(i.y) * 0xd8163841U + salt));
    // two 16-bit halves of the hash as a gradient in [-1, 1]^2 (no trig)
    return vec2(float(h & 0xffffu), float(h >> 16u)) * (2.0 / 65535.0) - 1.0;
}

float gnoise(vec2 p, uint salt)
{
    vec2 i = floor(p);
    vec2 f = p - i;
    vec2 u = f * f * f * (f * (f * 6.0 - 15.0) + 10.0);
    float a = dot(latticeDir(i, salt), f);
    float b = dot(latticeDir(i + vec2(1.0, 0.0), salt), f - vec2(1.0, 0.0));
    float c = dot(latticeDir(i + vec2(0.0, 1.0), salt), f - vec2(0.0, 1.0));
    float d = dot(latticeDir(i + vec2(1.0, 1.0), salt), f - vec2(1.0, 1.0));
    return mix(mix(a, b, u.x), mix(c, d, u.x), u.y);
}

// octave noise with amplitude 2^(-a*i): spectrum falling as 1/f^a
float powerNoise(vec2 p, float a, uint salt)
{
    float sum = 0.0;
    float norm = 0.0;
    float amp = 1.0;
    float g = exp2(-a);
    mat2 r = mat2(0.8, 0.6, -0.6, 0.8);
    for (int i = 0; i < 6; i++)
    {
        sum += amp * gnoise(p, salt + uint(i) * 131u);
        norm += amp * amp;
        p = r * p * 2.0 + vec2(1.7, 9.2);
        amp *= g;
    }
    return sum / sqrt(norm);
}

void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = (fragCoord - 0.5 * iResolution.xy) / iResolution.y;
    vec2 m = iMouse.xy / max(iResolution.xy, vec2(1.0));
    float t = iTime;
    float a = 1.65 - 0.85 * cos(t * 0.7);
    vec2 p = uv * 2.2 + vec2(0.35 * t, -0.12 * t) + m * 6.0;
    float v = powerNoise(p, a, 17u);
    float w = powerNoise(p * 0.6 + vec2(4.1, -2.3), 1.8, 91u);
    float k = v * 1.4 + 0.35 * w + 0.05 * t;
    vec3 col = 0.5 + 0.5 * cos(6.2831853 * (k + vec3(0.0, 0.15, 0.32) + m.y));
    col = mix(col, vec3(0.98, 0.9, 0.65), 0.25 * smoothstep(0.4, 1.0, v));
    col *= 0.75 + 0.3 * smoothstep(-1.0, 1.0, w);
    fragColor = vec4(clamp(col, 0.0, 1.0), 1.0);
}
