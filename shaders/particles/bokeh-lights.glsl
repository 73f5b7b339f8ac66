// name: bokeh-lights
// family: particles
// tags: particles, bokeh, depth-of-field, discs, city-lights
// licence: MIT
// author: shaderbank contributors
// description: Out-of-focus city lights as layered bokeh discs with bright rims and hexagonal apertures, drifting over a plum-to-amber night gradient.

uint mixBits(uint x)
{
    x ^= x >> 17;
    x *= 0xed5ad4bbU;
    x ^= x >> 11;
    x *= 0xac4c1b51U;
    x ^= x >> 15;
    return x;
}

vec4 cellRand(vec2 c, float layer)
{
    ivec2 i = ivec2(c);
    uint h = mixBits(uint(i.x) * 0x27d4eb2dU + mixBits(uint(i.y) * 0x165667b1U + uint(int(layer))));
    uint h2 = mixBits(h + 0x9e3779b9U);
    uint h3 = mixBits(h2 ^ 0x85ebca6bU);
    uint h4 = mixBits(h3 + 0xc2b2ae35U);
    return vec4(float(h), float(h2), float(h3), float(h4)) * (1.0 / 4294967296.0);
}

float hexShape(vec2 p)
{
    p = abs(p);
    return max(p.x * 0.8660254 + p.y * 0.5, p.y);
}

void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = (2.0 * fragCoord - iResolution.xy) / iResolution.y;
    vec2 m = iMouse.xy / max(iResolution.xy, vec2(1.0));
    float t = iTime;
    vec3 low = 0.55 + 0.35 * cos(6.2831853 * (0.06 * t + vec3(0.0, 0.2, 0.35)));
    vec3 col = mix(low, vec3(0.28, 0.1, 0.35), smoothstep(-1.0, 1.0, uv.y + 0.4 * sin(uv.x * 1.5 + t * 0.4)));
    col *= 0.8;

    for (int layer = 0; layer < 4; layer++)
    {
        float fl = float(layer);
        float sc = 1.6 + 1.1 * fl;
        vec2 drift = vec2(t * (0.25 + 0.12 * fl), 0.1 * t * sin(fl + 1.0)) + m * 3.0;
        vec2 p = uv * sc + drift + fl * 7.31;
        vec2 cell = floor(p);
        vec2 f = p - cell - 0.5;
        vec4 r = cellRand(cell, fl);
        if (r.w < 0.25) continue;
        vec2 c = 0.08 * vec2(sin(t * 0.6 + r.x * 6.3), cos(t * 0.5 + r.y * 6.3));
        float radius = 0.22 + 0.18 * r.z;
        float rot = r.x * 6.0 + t * 0.2;
        vec2 q = mat2(cos(rot), -sin(rot), sin(rot), cos(rot)) * (f - c);
        float shape = layer == 1 ? hexShape(q) : length(q);
        float soft = 0.02 + 0.05 * abs(fl - 1.5);
        float disc = 1.0 - smoothstep(radius - soft, radius + soft, shape);
        float rim = smoothstep(radius * 0.55, radius, shape) * disc;
        float pulse = 0.6 + 0.4 * sin(t * (0.8 + r.w) + r.z * 9.0);
        vec3 lc = 0.55 + 0.45 * cos(6.2831853 * (r.x * 0.5 + 0.05 * t + fl * 0.12 + vec3(0.0, 0.33, 0.67)));
        col += lc * (0.22 * disc + 0.3 * rim) * pulse * (1.1 - 0.15 * fl);
    }
    col = 1.0 - exp(-col * 1.4);
    fragColor = vec4(clamp(col, 0.0, 1.0), 1.0);
}
