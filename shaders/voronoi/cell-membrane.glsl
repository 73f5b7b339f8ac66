// name: cell-membrane
// family: voronoi
// tags: voronoi, cellular, biology, tissue, nuclei, stain
// licence: MIT
// author: shaderbank contributors
// description: Microscope view of stained tissue: Voronoi cells with bright membranes, graded cytoplasm and pulsing nuclei, the stain hue drifting from coral through green to blue.

uint mixBits(uint x)
{
    x ^= x >> 17;
    x *= 0xed5ad4bbU;
    x ^= x >> 11;
    x *= 0xac4c1b51U;
    x ^= x >> 15;
    return x;
}

vec4 cellRand(vec2 c)
{
    ivec2 i = ivec2(c);
    uint h = mixBits(uint(i.x) * 0x3c6ef372U ^ mixBits(uint(i.y) + 0x5bd1e995U));
    uint h2 = mixBits(h + 0x68e31da4U);
    uint h3 = mixBits(h2 ^ 0x1b873593U);
    uint h4 = mixBits(h3 + 0xcc9e2d51U);
    return vec4(float(h), float(h2), float(h3), float(h4)) * (1.0 / 4294967296.0);
}

void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = (2.0 * fragCoord - iResolution.xy) / iResolution.y;
    vec2 m = iMouse.xy / max(iResolution.xy, vec2(1.0));
    float t = iTime;
    vec2 p = uv * 2.8 + vec2(0.12 * t, 0.2 * sin(t * 0.2)) + m * 5.0;
    p += 0.08 * vec2(sin(p.y * 3.0 + t), cos(p.x * 3.0 - t));
    vec2 g = floor(p);
    vec2 f = p - g;
    float d1 = 1e9;
    float d2 = 1e9;
    vec4 best = vec4(0.0);
    vec2 bestRel = vec2(0.0);
    for (int j = -1; j <= 1; j++)
    for (int i = -1; i <= 1; i++)
    {
        vec2 o = vec2(float(i), float(j));
        vec4 r = cellRand(g + o);
        vec2 rel = o + 0.5 + 0.35 * sin(t * (0.3 + 0.3 * r.z) + 6.2831853 * r.xy) - f;
        float d = dot(rel, rel);
        if (d < d1) { d2 = d1; d1 = d; best = r; bestRel = rel; }
        else if (d < d2) { d2 = d; }
    }
    d1 = sqrt(d1);
    d2 = sqrt(d2);
    float edge = d2 - d1;

    // the stain hue drifts around part of the colour circle, coral to green to blue
    float stain = 0.5 + 0.5 * sin(t * 0.35 + m.x * 3.0);
    float sh = 0.92 - 0.55 * stain;
    vec3 cyto = 0.5 + 0.35 * cos(6.2831853 * (sh + vec3(0.0, 0.33, 0.67)));
    vec3 membrane = 0.6 + 0.4 * cos(6.2831853 * (sh + 0.08 + vec3(0.0, 0.33, 0.67)));
    membrane = mix(membrane, vec3(1.0), 0.25);
    vec3 nucleus = 0.4 + 0.35 * cos(6.2831853 * (sh + 0.45 + vec3(0.0, 0.33, 0.67)));
    vec3 col = cyto * (0.75 + 0.35 * best.w) * (1.05 - 0.4 * d1);
    col += 0.05 * sin(p.x * 11.0 + sin(p.y * 9.0));

    vec2 nOff = 0.12 * (best.zw - 0.5);
    float nr = 0.17 + 0.04 * sin(t * 1.5 + best.x * 6.2831853);
    float nd = length((bestRel + nOff) * vec2(1.0, 1.0 + 0.4 * best.y));
    col = mix(col, nucleus * (0.8 + 0.4 * smoothstep(nr, 0.0, nd)), smoothstep(nr, nr - 0.03, nd));
    col = mix(col, nucleus * 0.5, smoothstep(0.05, 0.03, length(bestRel + nOff + 0.04)));
    col = mix(col, membrane, smoothstep(0.1, 0.02, edge));
    fragColor = vec4(clamp(col, 0.0, 1.0), 1.0);
}
