// name: derivative-relief
// family: fbm
// tags: noise, fbm, derivatives, terrain, hillshade, erosion
// licence: MIT
// author: shaderbank contributors
// description: Six-octave value-noise fbm with analytic derivatives damping rough slopes (an erosion look), hillshaded under a circling sun with hypsometric colours and a rising sea.

uint spinBits(uint v)
{
    v ^= v >> 15;
    v *= 0x2c1b3c6dU;
    v ^= v >> 12;
    v *= 0x297a2d39U;
    v ^= v >> 15;
    return v;
}

float lattice(vec2 c)
{
    ivec2 i = ivec2(c);
    return float(spinBits(uint(i.x) * 0x8da6b343U + spinBits(uint(i.y) * 0xd8163841U))) * (1.0 / 4294967296.0);
}

// value noise returning (value, d/dx, d/dy)
vec3 noised(vec2 p)
{
    vec2 i = floor(p);
    vec2 f = p - i;
    vec2 u = f * f * (3.0 - 2.0 * f);
    vec2 du = 6.0 * f * (1.0 - f);
    float a = lattice(i);
    float b = lattice(i + vec2(1.0, 0.0));
    float c = lattice(i + vec2(0.0, 1.0));
    float d = lattice(i + vec2(1.0, 1.0));
    float k = a - b - c + d;
    return vec3(a + (b - a) * u.x + (c - a) * u.y + k * u.x * u.y,
                du * vec2(b - a + k * u.y, c - a + k * u.x));
}

vec3 terrain(vec2 p)
{
    float h = 0.0;
    vec2 g = vec2(0.0);
    vec2 dsum = vec2(0.0);
    float amp = 0.55;
    mat2 m = mat2(1.6, 1.2, -1.2, 1.6);
    mat2 jac = mat2(1.0);
    for (int i = 0; i < 6; i++)
    {
        vec3 n = noised(p);
        dsum += n.yz;
        float damp = 1.0 / (1.0 + dot(dsum, dsum));
        h += amp * n.x * damp;
        g += amp * damp * (jac * n.yz);
        p = m * p;
        jac = jac * m;
        amp *= 0.5;
    }
    return vec3(h, g);
}

void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = (fragCoord - 0.5 * iResolution.xy) / iResolution.y;
    vec2 m = iMouse.xy / max(iResolution.xy, vec2(1.0));
    float t = iTime;
    vec2 p = uv * 3.0 + vec2(0.25 * t, 0.1 * t) + m * 8.0;
    vec3 tr = terrain(p);
    float h = tr.x;
    float sunA = 0.5 * t;
    vec3 sun = normalize(vec3(cos(sunA), sin(sunA), 0.8));
    vec3 n = normalize(vec3(-tr.yz * 0.9, 1.0));
    float shade = clamp(dot(n, sun), 0.0, 1.0);
    float sea = 0.28 + 0.08 * sin(t * 0.4);
    vec3 col;
    if (h < sea)
    {
        col = mix(vec3(0.05, 0.2, 0.5), vec3(0.1, 0.55, 0.7), smoothstep(sea - 0.25, sea, h));
        col *= 0.85 + 0.15 * shade;
    }
    else
    {
        float e = (h - sea) / 0.45;
        col = mix(vec3(0.85, 0.8, 0.5), vec3(0.25, 0.6, 0.2), smoothstep(0.0, 0.12, e));
        col = mix(col, vec3(0.55, 0.4, 0.25), smoothstep(0.35, 0.6, e));
        col = mix(col, vec3(0.95, 0.95, 1.0), smoothstep(0.7, 0.85, e));
        col *= 0.35 + 0.8 * shade;
    }
    fragColor = vec4(clamp(col, 0.0, 1.0), 1.0);
}
