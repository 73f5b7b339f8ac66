// name: ripple-cells
// family: voronoi
// tags: voronoi, cellular, 3d-slice, contours, pastel
// licence: MIT
// author: shaderbank contributors
// description: A moving slice through 3D Worley noise drawn as concentric pastel contour rings around each feature point.

uint mixBits(uint x)
{
    x ^= x >> 16;
    x *= 0x45d9f3bU;
    x ^= x >> 16;
    x *= 0x45d9f3bU;
    x ^= x >> 16;
    return x;
}

vec4 cellRand(vec3 c)
{
    ivec3 i = ivec3(c);
    uint h = mixBits(uint(i.x) + mixBits(uint(i.y) + mixBits(uint(i.z) + 0x1234567U)));
    uint h2 = mixBits(h ^ 0xa5a5a5a5U);
    uint h3 = mixBits(h2 + 0x3c3c3c3cU);
    uint h4 = mixBits(h3 * 3U + 1U);
    return vec4(float(h), float(h2), float(h3), float(h4)) * (1.0 / 4294967296.0);
}

void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = fragCoord / iResolution.y;
    vec2 m = iMouse.xy / max(iResolution.xy, vec2(1.0));
    vec3 p = vec3(uv * 2.6 + m * 9.0, iTime * 0.35);
    vec3 g = floor(p);
    vec3 f = p - g;

    float d1 = 1e9;
    float d2 = 1e9;
    vec4 best = vec4(0.0);
    vec4 second = vec4(0.0);
    for (int k = -1; k <= 1; k++)
    for (int j = -1; j <= 1; j++)
    for (int i = -1; i <= 1; i++)
    {
        vec3 o = vec3(float(i), float(j), float(k));
        vec4 r = cellRand(g + o);
        vec3 rel = o + r.xyz - f;
        float d = dot(rel, rel);
        if (d < d1) { d2 = d1; d1 = d; second = best; best = r; }
        else if (d < d2) { d2 = d; second = r; }
    }
    d1 = sqrt(d1);
    d2 = sqrt(d2);

    float rings = 0.5 + 0.5 * cos(d1 * 28.0 - iTime * 3.0 + best.w * 6.2831853);
    vec3 base = 0.65 + 0.35 * cos(6.2831853 * (best.w + vec3(0.0, 0.3, 0.6)));
    vec3 other = 0.65 + 0.35 * cos(6.2831853 * (second.w + vec3(0.0, 0.3, 0.6)));
    vec3 col = mix(base * 0.55, base, rings);
    col = mix(col, 0.5 * (base + other) * 1.1, smoothstep(0.12, 0.0, d2 - d1));
    col *= 0.85 + 0.25 * (1.0 - d1);
    fragColor = vec4(clamp(col, 0.0, 1.0), 1.0);
}
