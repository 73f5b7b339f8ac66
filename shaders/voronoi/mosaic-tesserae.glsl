// name: mosaic-tesserae
// family: voronoi
// tags: voronoi, mosaic, tesserae, grout, picture
// licence: MIT
// author: shaderbank contributors
// description: A flowing picture of swirls rendered as a Roman mosaic: irregular Voronoi tesserae, each a single colour sampled at its centre, bevelled and set in pale grout.

uint mixBits(uint x)
{
    x ^= x >> 16;
    x *= 0x7feb352dU;
    x ^= x >> 15;
    x *= 0x846ca68bU;
    x ^= x >> 16;
    return x;
}

vec2 cellRand(vec2 c)
{
    ivec2 i = ivec2(c);
    uint h = mixBits(uint(i.x) * 0x27d4eb2dU + mixBits(uint(i.y) + 0x165667b1U));
    uint h2 = mixBits(h);
    return vec2(float(h), float(h2)) * (1.0 / 4294967296.0);
}

vec3 picture(vec2 q, float t)
{
    float a = atan(q.y, q.x);
    float r = length(q);
    float swirl = sin(a * 3.0 + r * 4.0 - t * 0.8);
    float waves = sin(q.x * 1.3 + sin(q.y * 1.1 + t * 0.5) * 1.5);
    float v = 0.5 * swirl + 0.5 * waves;
    vec3 c = 0.5 + 0.45 * cos(6.2831853 * (v * 0.35 + 0.05 * t + vec3(0.0, 0.33, 0.67)));
    return mix(c, vec3(0.95, 0.85, 0.6), smoothstep(0.7, 0.95, swirl) * 0.6);
}

void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = (2.0 * fragCoord - iResolution.xy) / iResolution.y;
    vec2 m = iMouse.xy / max(iResolution.xy, vec2(1.0));
    float t = iTime;
    float scale = 7.0;
    vec2 p = uv * scale;
    vec2 g = floor(p);
    vec2 f = p - g;
    vec2 rels[9];
    vec2 bestRel = vec2(0.0);
    vec2 bestSite = vec2(0.0);
    float bestD = 1e9;
    for (int j = 0; j < 3; j++)
    for (int i = 0; i < 3; i++)
    {
        vec2 o = vec2(float(i - 1), float(j - 1));
        vec2 r = cellRand(g + o);
        vec2 rel = o + 0.15 + 0.7 * r - f;
        rels[j * 3 + i] = rel;
        float d = dot(rel, rel);
        if (d < bestD) { bestD = d; bestRel = rel; bestSite = g + o + 0.15 + 0.7 * r; }
    }
    float edge = 1e9;
    for (int k = 0; k < 9; k++)
    {
        vec2 diff = rels[k] - bestRel;
        float l2 = dot(diff, diff);
        if (l2 > 1e-5)
            edge = min(edge, dot(0.5 * (rels[k] + bestRel), diff) * inversesqrt(l2));
    }
    vec2 q = bestSite / scale * 1.6 + (m - 0.5) + 0.3 * vec2(sin(t * 0.2), cos(t * 0.17));
    vec3 tile = picture(q, t);
    vec2 rr = cellRand(bestSite * 7.0);
    tile *= 0.88 + 0.2 * rr.x;
    tile *= 0.8 + 0.25 * smoothstep(0.0, 0.15, edge);
    tile += 0.1 * smoothstep(0.2, 0.0, length(bestRel + vec2(0.12, -0.12)));
    vec3 grout = vec3(0.85, 0.82, 0.75);
    float px = scale * 2.0 / iResolution.y;
    vec3 col = mix(grout, tile, smoothstep(0.04, 0.04 + px, edge));
    fragColor = vec4(clamp(col, 0.0, 1.0), 1.0);
}
