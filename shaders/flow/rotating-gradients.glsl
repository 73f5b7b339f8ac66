// name: rotating-gradients
// family: flow
// tags: flow, flow-noise, rotating-gradients, pseudo-advection, lava
// licence: MIT
// author: shaderbank contributors
// description: Flow noise: gradient noise whose lattice gradients spin at octave-dependent rates, with each octave displaced by the one below it, glowing like molten glass.

uint spinBits(uint v)
{
    v ^= v >> 15;
    v *= 0x2c1b3c6dU;
    v ^= v >> 12;
    v *= 0x297a2d39U;
    v ^= v >> 15;
    return v;
}

// angle of the gradient at a lattice point, spinning one way or the other by a hash bit
float cornerAngle(vec2 c, float spin)
{
    ivec2 i = ivec2(c);
    uint h = spinBits(uint(i.x) * 0x8da6b343U ^ spinBits(uint(i.y) * 0xd8163841U + 77u));
    float dirn = (h & 1u) == 1u ? 1.0 : -1.0;
    return float(h) * (6.2831853 / 4294967296.0) + dirn * spin;
}

// gradient noise whose gradients rotate by angle 'spin'
float flowNoise(vec2 p, float spin)
{
    vec2 i = floor(p);
    vec2 f = p - i;
    vec2 u = f * f * (3.0 - 2.0 * f);
    float a0 = cornerAngle(i, spin);
    float a1 = cornerAngle(i + vec2(1.0, 0.0), spin);
    float a2 = cornerAngle(i + vec2(0.0, 1.0), spin);
    float a3 = cornerAngle(i + vec2(1.0, 1.0), spin);
    float n0 = dot(vec2(cos(a0), sin(a0)), f);
    float n1 = dot(vec2(cos(a1), sin(a1)), f - vec2(1.0, 0.0));
    float n2 = dot(vec2(cos(a2), sin(a2)), f - vec2(0.0, 1.0));
    float n3 = dot(vec2(cos(a3), sin(a3)), f - vec2(1.0, 1.0));
    return mix(mix(n0, n1, u.x), mix(n2, n3, u.x), u.y);
}

void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = (fragCoord - 0.5 * iResolution.xy) / iResolution.y;
    vec2 m = iMouse.xy / max(iResolution.xy, vec2(1.0));
    float t = iTime;
    vec2 p = uv * 3.0 + m * 6.0 + vec2(0.0, -0.2 * t);
    float sum = 0.0;
    float amp = 0.6;
    vec2 disp = vec2(0.0);
    for (int i = 0; i < 5; i++)
    {
        float fi = float(i);
        float n = flowNoise(p + disp, t * (0.6 + 0.5 * fi));
        sum += amp * n;
        // lower octaves push the finer ones along: pseudo-advection
        disp += vec2(n, -n) * 0.5 * amp;
        p = mat2(1.7, -0.9, 0.9, 1.7) * p + vec2(5.1, 2.3);
        amp *= 0.5;
    }
    float v = 0.5 + sum;
    vec3 col = mix(vec3(0.25, 0.02, 0.15), vec3(0.9, 0.2, 0.1), smoothstep(0.2, 0.5, v));
    col = mix(col, vec3(1.0, 0.75, 0.2), smoothstep(0.5, 0.75, v));
    col = mix(col, vec3(1.0, 0.98, 0.8), smoothstep(0.78, 0.95, v));
    col += vec3(0.1, 0.25, 0.6) * smoothstep(0.35, 0.1, v);
    fragColor = vec4(clamp(col, 0.0, 1.0), 1.0);
}
