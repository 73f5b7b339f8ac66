// name: foam-bubbles
// family: voronoi
// tags: voronoi, power-diagram, foam, bubbles, thin-film, iridescent
// licence: MIT
// author: shaderbank contributors
// description: Soap foam as a weighted power diagram: bubbles of many sizes with thin iridescent walls, soft highlights and cells that slowly grow and shrink.

uint mixBits(uint x)
{
    x ^= x >> 16;
    x *= 0x45d9f3bU;
    x ^= x >> 16;
    x *= 0x45d9f3bU;
    x ^= x >> 16;
    return x;
}

vec4 cellRand(vec2 c)
{
    ivec2 i = ivec2(c);
    uint h = mixBits(uint(i.x) + mixBits(uint(i.y) + 0x1234567U));
    uint h2 = mixBits(h ^ 0xa5a5a5a5U);
    uint h3 = mixBits(h2 + 0x3c3c3c3cU);
    uint h4 = mixBits(h3 * 3U + 1U);
    return vec4(float(h), float(h2), float(h3), float(h4)) * (1.0 / 4294967296.0);
}

void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = (2.0 * fragCoord - iResolution.xy) / iResolution.y;
    vec2 m = iMouse.xy / max(iResolution.xy, vec2(1.0));
    float t = iTime;
    vec2 p = uv * 2.6 + vec2(0.1 * t, 0.25 * t) + m * 5.0;
    vec2 g = floor(p);
    vec2 f = p - g;
    float d1 = 1e9;
    float d2 = 1e9;
    vec2 rel1 = vec2(0.0);
    vec4 best = vec4(0.0);
    for (int j = -1; j <= 1; j++)
    for (int i = -1; i <= 1; i++)
    {
        vec2 o = vec2(float(i), float(j));
        vec4 r = cellRand(g + o);
        vec2 rel = o + 0.5 + 0.35 * sin(t * 0.3 * (0.5 + r.z) + 6.2831853 * r.xy) - f;
        float w = 0.18 * (r.w - 0.5) + 0.08 * sin(t * 0.8 + r.z * 6.2831853);
        float d = dot(rel, rel) - w;
        if (d < d1) { d2 = d1; d1 = d; rel1 = rel; best = r; }
        else if (d < d2) { d2 = d; }
    }
    float wall = d2 - d1;
    float film = 0.5 + 0.5 * sin(wall * 12.0 + t * 1.5 + best.x * 6.2831853);
    vec3 irid = 0.55 + 0.45 * cos(6.2831853 * (film * 0.8 + 0.1 * t + vec3(0.0, 0.33, 0.67)));
    // inside a bubble: a clear dome, dim at the middle and glowing with film colour towards the walls
    float rim = smoothstep(0.45, 0.0, wall);
    vec3 deep = mix(vec3(0.15, 0.3, 0.55), vec3(0.4, 0.2, 0.55), best.y);
    vec3 filmCol = 0.55 + 0.45 * cos(6.2831853 * (best.z + length(rel1) * 1.5 - 0.1 * t + vec3(0.0, 0.33, 0.67)));
    vec3 col = mix(deep, filmCol * 0.8, 0.35 + 0.5 * rim);
    float hl = smoothstep(0.16, 0.0, length(rel1 + vec2(0.14, -0.16) * (0.6 + best.w)));
    col += vec3(1.0) * hl * 0.6;
    float lineW = smoothstep(0.07, 0.015, wall);
    col = mix(col, irid * 1.05 + 0.2, lineW);
    fragColor = vec4(clamp(col, 0.0, 1.0), 1.0);
}
