// name: crackle-lava
// family: voronoi
// tags: voronoi, cellular, cracks, lava, glow
// licence: MIT
// author: shaderbank contributors
// description: Two octaves of F2-F1 cellular noise as glowing magma cracks between cooling basalt plates.

uint mixBits(uint x)
{
    x ^= x >> 17;
    x *= 0xed5ad4bbU;
    x ^= x >> 11;
    x *= 0xac4c1b51U;
    x ^= x >> 15;
    return x;
}

vec2 cellRand(vec2 c)
{
    ivec2 i = ivec2(c);
    uint h = mixBits(uint(i.x) * 0x3c6ef372U ^ mixBits(uint(i.y) + 0x5bd1e995U));
    uint h2 = mixBits(h + 0x68e31da4U);
    return vec2(float(h), float(h2)) * (1.0 / 4294967296.0);
}

vec3 crackle(vec2 p, float t)
{
    vec2 g = floor(p);
    vec2 f = p - g;
    float d1 = 1e9;
    float d2 = 1e9;
    vec2 id = vec2(0.0);
    for (int j = -1; j <= 1; j++)
    for (int i = -1; i <= 1; i++)
    {
        vec2 o = vec2(float(i), float(j));
        vec2 r = cellRand(g + o);
        vec2 site = o + 0.5 + 0.42 * sin(t + 6.2831853 * r) - f;
        float d = length(site);
        if (d < d1) { d2 = d1; d1 = d; id = g + o; }
        else if (d < d2) { d2 = d; }
    }
    return vec3(d2 - d1, d1, cellRand(id + 5.0).x);
}

void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = (2.0 * fragCoord - iResolution.xy) / iResolution.y;
    vec2 m = iMouse.xy / max(iResolution.xy, vec2(1.0));
    float t = iTime * 0.7;
    vec2 p = uv * (2.6 + 0.6 * sin(iTime * 0.3)) + m * 6.0 + vec2(0.0, iTime * 0.25);

    vec3 a = crackle(p, t);
    vec3 b = crackle(p * 2.3 + a.xy * 0.8 + 11.0, t * 1.4);

    float crack = exp(-a.x * 9.0) + 0.55 * exp(-b.x * 10.0);
    float heat = 0.5 + 0.5 * sin(iTime * 1.3 + a.z * 6.2831853);

    vec3 rock = mix(vec3(0.22, 0.10, 0.10), vec3(0.42, 0.22, 0.16), a.z);
    rock *= 0.6 + 0.6 * a.y;
    rock += vec3(0.25, 0.04, 0.0) * heat * (1.0 - smoothstep(0.0, 0.5, a.x));
    vec3 glow = mix(vec3(0.9, 0.15, 0.02), vec3(1.0, 0.9, 0.3), clamp(crack - 0.4, 0.0, 1.0));
    vec3 col = mix(rock, glow, clamp(crack, 0.0, 1.0));
    fragColor = vec4(clamp(col, 0.0, 1.0), 1.0);
}
