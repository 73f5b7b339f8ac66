// name: manhattan-cells
// family: voronoi
// tags: voronoi, cellular, manhattan, chebyshev, metric, pastel
// licence: MIT
// author: shaderbank contributors
// description: Voronoi cells under a distance metric that morphs from diamond-edged Manhattan through Euclidean to square Chebyshev, flat pastel cells with inked borders.

uint mixBits(uint x)
{
    x ^= x >> 16;
    x *= 0x7feb352dU;
    x ^= x >> 15;
    x *= 0x846ca68bU;
    x ^= x >> 16;
    return x;
}

vec3 cellRand(vec2 c)
{
    ivec2 i = ivec2(c);
    uint h = mixBits(uint(i.x) * 0x9e3779b1U + mixBits(uint(i.y) + 0x632be5abU));
    uint h2 = mixBits(h ^ 0x85ebca6bU);
    uint h3 = mixBits(h2 + 0x27d4eb2dU);
    return vec3(float(h), float(h2), float(h3)) * (1.0 / 4294967296.0);
}

float metric(vec2 d, float k)
{
    d = abs(d);
    float l1 = d.x + d.y;
    float l2 = length(d);
    float li = max(d.x, d.y);
    return k < 1.0 ? mix(l1, l2, k) : mix(l2, li, k - 1.0);
}

void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = (2.0 * fragCoord - iResolution.xy) / iResolution.y;
    vec2 m = iMouse.xy / max(iResolution.xy, vec2(1.0));
    float t = iTime;
    float k = 1.0 - cos(t * 0.45);
    vec2 p = uv * 3.2 + vec2(t * 0.3, -t * 0.15) + m * 6.0;
    vec2 g = floor(p);
    vec2 f = p - g;
    float d1 = 1e9;
    float d2 = 1e9;
    vec3 best = vec3(0.0);
    for (int j = -1; j <= 1; j++)
    for (int i = -1; i <= 1; i++)
    {
        vec2 o = vec2(float(i), float(j));
        vec3 r = cellRand(g + o);
        vec2 site = o + 0.5 + 0.4 * sin(t * (0.4 + 0.3 * r.z) + 6.2831853 * r.xy) - f;
        float d = metric(site, k);
        if (d < d1) { d2 = d1; d1 = d; best = r; }
        else if (d < d2) { d2 = d; }
    }
    vec3 col = 0.7 + 0.28 * cos(6.2831853 * (best.x * 0.7 + 0.05 * t + vec3(0.0, 0.33, 0.67)));
    col *= 0.9 + 0.1 * best.y;
    col = mix(col * 0.8, col, smoothstep(0.0, 0.5, d1));
    float px = 3.2 * 2.0 / iResolution.y;
    col = mix(vec3(0.12, 0.1, 0.2), col, smoothstep(0.04, 0.04 + 2.0 * px, d2 - d1));
    fragColor = vec4(clamp(col, 0.0, 1.0), 1.0);
}
