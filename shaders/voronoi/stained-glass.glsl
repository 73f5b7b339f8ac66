// name: stained-glass
// family: voronoi
// tags: voronoi, cellular, mosaic, glass, lead
// licence: MIT
// author: shaderbank contributors
// description: Drifting Voronoi cells filled with jewel-toned glass, dark lead came on the true cell borders.

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
    uint h = mixBits(uint(i.x) * 0x27d4eb2dU + mixBits(uint(i.y) + 0x165667b1U));
    uint h2 = mixBits(h);
    uint h3 = mixBits(h2);
    return vec3(float(h), float(h2), float(h3)) * (1.0 / 4294967296.0);
}

vec2 sitePos(vec2 cell, float t)
{
    vec3 r = cellRand(cell);
    return 0.5 + 0.38 * sin(t * (0.6 + r.z) + 6.2831853 * r.xy);
}

void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = fragCoord / iResolution.y;
    vec2 m = iMouse.xy / max(iResolution.xy, vec2(1.0));
    float t = iTime * 0.8;
    vec2 p = uv * 5.0 + m * 7.0 + vec2(iTime * 0.35, 0.0);
    vec2 g = floor(p);
    vec2 f = p - g;

    vec2 rels[9];
    vec2 bestRel = vec2(0.0);
    vec2 bestCell = vec2(0.0);
    float bestD = 1e9;
    for (int j = 0; j < 3; j++)
    for (int i = 0; i < 3; i++)
    {
        vec2 o = vec2(float(i - 1), float(j - 1));
        vec2 rel = o + sitePos(g + o, t) - f;
        rels[j * 3 + i] = rel;
        float d = dot(rel, rel);
        if (d < bestD) { bestD = d; bestRel = rel; bestCell = g + o; }
    }
    float edge = 1e9;
    for (int k = 0; k < 9; k++)
    {
        vec2 diff = rels[k] - bestRel;
        float l2 = dot(diff, diff);
        if (l2 > 1e-5)
            edge = min(edge, dot(0.5 * (rels[k] + bestRel), diff) * inversesqrt(l2));
    }

    vec3 r = cellRand(bestCell + 31.0);
    float hue = r.x + 0.05 * iTime;
    vec3 glass = 0.5 + 0.5 * cos(6.2831853 * (hue + vec3(0.0, 0.33, 0.67)));
    glass = mix(glass, glass * glass, 0.5) * (0.7 + 0.5 * r.y);
    glass *= 1.15 - 0.9 * length(bestRel);
    glass += 0.12 * vec3(1.0, 0.95, 0.8) * smoothstep(0.2, 0.0, length(bestRel + vec2(0.15, -0.15)));
    vec3 lead = vec3(0.08, 0.07, 0.06);
    vec3 col = mix(lead, glass, smoothstep(0.03, 0.07, edge));
    fragColor = vec4(clamp(col, 0.0, 1.0), 1.0);
}
