// name: reptile-scales
// family: voronoi
// tags: voronoi, cellular, scales, reptile, bump, iridescent
// licence: MIT
// author: shaderbank contributors
// description: Overlapping domed reptile scales from a gently jittered Voronoi, each scale lit as a raised bump under a sweeping light with an iridescent sheen and dark grooves.

uint mixBits(uint x)
{
    x ^= x >> 16;
    x *= 0x21f0aaadU;
    x ^= x >> 15;
    x *= 0xd35a2d97U;
    x ^= x >> 15;
    return x;
}

vec3 cellRand(vec2 c)
{
    ivec2 i = ivec2(c);
    uint h = mixBits(uint(i.x) + mixBits(uint(i.y) * 0x2545f491U + 0x9e3779b9U));
    uint h2 = mixBits(h ^ 0x85ebca6bU);
    uint h3 = mixBits(h2 + 0xc2b2ae35U);
    return vec3(float(h), float(h2), float(h3)) * (1.0 / 4294967296.0);
}

void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = (2.0 * fragCoord - iResolution.xy) / iResolution.y;
    vec2 m = iMouse.xy / max(iResolution.xy, vec2(1.0));
    float t = iTime;
    vec2 p = uv * vec2(4.0, 5.0) + vec2(0.4 * t, 0.1 * t) + m * 6.0;
    vec2 g = floor(p);
    vec2 f = p - g;
    float d1 = 1e9;
    float d2 = 1e9;
    vec2 rel1 = vec2(0.0);
    vec3 best = vec3(0.0);
    for (int j = -1; j <= 1; j++)
    for (int i = -1; i <= 1; i++)
    {
        vec2 o = vec2(float(i), float(j));
        vec3 r = cellRand(g + o);
        // rows offset like brickwork and a small jitter keep the scales regular
        vec2 site = o + vec2(0.5 + 0.5 * mod(g.y + o.y, 2.0), 0.5) + 0.15 * (r.xy - 0.5);
        vec2 rel = site - f;
        rel.y *= 1.25;
        float d = dot(rel, rel);
        if (d < d1) { d2 = d1; d1 = d; rel1 = rel; best = r; }
        else if (d < d2) { d2 = d; }
    }
    d1 = sqrt(d1);
    d2 = sqrt(d2);
    float edge = d2 - d1;
    float dome = smoothstep(0.0, 0.45, edge);
    vec3 n = normalize(vec3(-rel1 * (1.0 - dome) * 2.2, 1.0));
    vec3 l = normalize(vec3(cos(t * 0.6), sin(t * 0.6), 0.8));
    float dif = max(dot(n, l), 0.0);
    float spec = pow(max(dot(reflect(-l, n), vec3(0.0, 0.0, 1.0)), 0.0), 16.0);
    float hue = 0.05 * t + 0.15 * best.z + 0.2 * n.x + 0.1 * sin(g.y * 0.5 + t * 0.5) + m.y;
    vec3 base = 0.5 + 0.4 * cos(6.2831853 * (hue + vec3(0.0, 0.33, 0.67)));
    base = mix(base, vec3(0.2, 0.55, 0.3), 0.3);
    vec3 col = base * (0.3 + 0.8 * dif) + 0.4 * spec * (0.5 + 0.5 * base);
    col *= smoothstep(0.0, 0.08, edge) * 0.7 + 0.3;
    fragColor = vec4(clamp(col, 0.0, 1.0), 1.0);
}
