// name: gem-facets
// family: voronoi
// tags: voronoi, facets, gems, crystal, pyramids
// licence: MIT
// author: shaderbank contributors
// description: Every Voronoi cell raised into a faceted pyramid by its distance to the cell walls, the flat facets catching a turning coloured light like a bed of cut gems.

uint mixBits(uint x)
{
    x ^= x >> 17;
    x *= 0xed5ad4bbU;
    x ^= x >> 11;
    x *= 0xac4c1b51U;
    x ^= x >> 15;
    return x;
}

vec3 cellRand(vec2 c)
{
    ivec2 i = ivec2(c);
    uint h = mixBits(uint(i.x) * 0x9e3779b1U + mixBits(uint(i.y) * 0x85ebca6bU + 0x27d4eb2dU));
    uint h2 = mixBits(h ^ 0x165667b1U);
    uint h3 = mixBits(h2 + 0xd3a2646cU);
    return vec3(float(h), float(h2), float(h3)) * (1.0 / 4294967296.0);
}

void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = (2.0 * fragCoord - iResolution.xy) / iResolution.y;
    vec2 m = iMouse.xy / max(iResolution.xy, vec2(1.0));
    float t = iTime;
    vec2 p = uv * 3.0 + vec2(0.2 * t, -0.1 * t) + m * 5.0;
    vec2 g = floor(p);
    vec2 f = p - g;
    vec2 rels[9];
    vec2 bestRel = vec2(0.0);
    vec3 best = vec3(0.0);
    float bestD = 1e9;
    for (int j = 0; j < 3; j++)
    for (int i = 0; i < 3; i++)
    {
        vec2 o = vec2(float(i - 1), float(j - 1));
        vec3 r = cellRand(g + o);
        vec2 rel = o + 0.5 + 0.38 * sin(t * 0.35 * (0.5 + r.z) + 6.2831853 * r.xy) - f;
        rels[j * 3 + i] = rel;
        float d = dot(rel, rel);
        if (d < bestD) { bestD = d; bestRel = rel; best = r; }
    }
    float edge = 1e9;
    vec2 edgeDir = vec2(0.0, 1.0);
    for (int k = 0; k < 9; k++)
    {
        vec2 diff = rels[k] - bestRel;
        float l2 = dot(diff, diff);
        if (l2 > 1e-5)
        {
            float e = dot(0.5 * (rels[k] + bestRel), diff) * inversesqrt(l2);
            if (e < edge) { edge = e; edgeDir = diff * inversesqrt(l2); }
        }
    }
    // height rises away from the nearest wall: the facet normal leans towards that wall
    vec3 n = normalize(vec3(edgeDir * 0.9, 1.0));
    float la = t * 0.7;
    vec3 l1 = normalize(vec3(cos(la), sin(la), 0.7));
    vec3 l2 = normalize(vec3(-sin(la * 0.7), cos(la * 0.7), 0.5));
    vec3 gem = 0.5 + 0.5 * cos(6.2831853 * (best.x + 0.04 * t + vec3(0.0, 0.33, 0.67)));
    vec3 col = gem * 0.25;
    col += gem * max(dot(n, l1), 0.0) * vec3(1.0, 0.9, 0.8);
    col += gem.zxy * 0.5 * max(dot(n, l2), 0.0);
    col += 0.5 * pow(max(dot(reflect(-l1, n), vec3(0.0, 0.0, 1.0)), 0.0), 20.0);
    float px = 3.0 * 2.0 / iResolution.y;
    col = mix(vec3(0.9, 0.85, 0.7), col, smoothstep(0.01, 0.01 + px, edge));
    fragColor = vec4(clamp(col, 0.0, 1.0), 1.0);
}
