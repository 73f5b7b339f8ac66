// name: smoke-advect
// family: flow
// tags: flow, advection, smoke, curl, semi-lagrangian
// licence: MIT
// author: shaderbank contributors
// description: Coloured smoke: value-noise density carried back through a rising curl-like velocity field, two dyes blending over a dusky gradient.

uint spinBits(uint v)
{
    v ^= v >> 16;
    v *= 0x45d9f3bU;
    v ^= v >> 16;
    v *= 0x45d9f3bU;
    v ^= v >> 16;
    return v;
}

float lattice(vec2 c)
{
    ivec2 i = ivec2(c);
    return float(spinBits(uint(i.x) * 0x9e3779b1U ^ spinBits(uint(i.y) + 0x2a7c1fd3U))) * (1.0 / 4294967296.0);
}

float vnoise(vec2 p)
{
    vec2 i = floor(p);
    vec2 f = p - i;
    vec2 u = f * f * (3.0 - 2.0 * f);
    return mix(mix(lattice(i), lattice(i + vec2(1.0, 0.0)), u.x),
               mix(lattice(i + vec2(0.0, 1.0)), lattice(i + vec2(1.0, 1.0)), u.x), u.y);
}

vec2 velocity(vec2 p, float t)
{
    // stream function psi = sum of sines; velocity = (dpsi/dy, -dpsi/dx), plus buoyant rise
    float a = 2.1;
    float b = 1.7;
    vec2 v = vec2(a * cos(a * p.y + t * 0.6) * 0.35, b * sin(b * p.x - t * 0.5) * 0.35);
    v += vec2(1.3 * cos(1.3 * p.y - p.x * 0.8 + t * 0.4), 0.8 * 1.04 * cos(1.3 * p.y - p.x * 0.8 + t * 0.4)) * 0.3;
    v.y += 0.6;
    return v;
}

void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = (fragCoord - 0.5 * iResolution.xy) / iResolution.y;
    vec2 m = iMouse.xy / max(iResolution.xy, vec2(1.0));
    float t = iTime;
    vec2 p = uv * 2.0 + (m - 0.5) * 3.0;
    for (int i = 0; i < 12; i++)
        p -= 0.06 * velocity(p, t - float(i) * 0.06);
    float d1 = vnoise(p * 3.5 + vec2(0.0, -0.8 * t)) * 0.6 + vnoise(p * 7.0 + vec2(3.0, -t)) * 0.4;
    float d2 = vnoise(p * 3.0 + vec2(7.0, -0.6 * t)) * 0.6 + vnoise(p * 6.3 + vec2(1.0, 9.0 - t)) * 0.4;
    float s1 = smoothstep(0.4, 0.7, d1);
    float s2 = smoothstep(0.42, 0.72, d2);
    vec3 bg = mix(vec3(0.45, 0.2, 0.45), vec3(0.15, 0.4, 0.6), 0.5 + 0.5 * uv.y);
    vec3 col = bg;
    col = mix(col, vec3(1.0, 0.6, 0.25) * (0.8 + 0.4 * d1), s1 * 0.95);
    col = mix(col, vec3(0.35, 0.9, 0.75) * (0.8 + 0.4 * d2), s2 * 0.85);
    col += 0.15 * vec3(0.9, 0.5, 0.9) * smoothstep(0.3, 0.6, d1 * d2 * 2.0);
    fragColor = vec4(clamp(col, 0.0, 1.0), 1.0);
}
