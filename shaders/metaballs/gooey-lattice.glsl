// name: gooey-lattice
// family: metaballs
// tags: metaballs, lattice, breathing, goo, implicit
// licence: MIT
// author: shaderbank contributors
// description: A lattice of breathing metaballs whose radii pulse in travelling waves, merging into a gooey mesh and splitting into droplets, tinted per lattice site.

uint spinBits(uint v)
{
    v ^= v >> 16;
    v *= 0x7feb352dU;
    v ^= v >> 15;
    v *= 0x846ca68bU;
    v ^= v >> 16;
    return v;
}

float siteRand(vec2 c)
{
    ivec2 i = ivec2(c);
    return float(spinBits(uint(i.x) * 0x9e3779b1U ^ spinBits(uint(i.y) + 0x3c6ef372U))) * (1.0 / 4294967296.0);
}

void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = (fragCoord - 0.5 * iResolution.xy) / iResolution.y;
    vec2 m = iMouse.xy / max(iResolution.xy, vec2(1.0));
    float t = iTime;
    float rot = 0.06 * t;
    vec2 p = mat2(cos(rot), -sin(rot), sin(rot), cos(rot)) * uv * 4.0 + m * 7.0;
    vec2 base = floor(p);
    float field = 0.0;
    vec3 tint = vec3(0.0);
    // compact Wyvill kernel (support 1.2): the 3x3 neighbouring sites are exact
    for (int j = -1; j <= 1; j++)
    for (int i = -1; i <= 1; i++)
    {
        vec2 c = base + vec2(float(i), float(j));
        float h = siteRand(c);
        vec2 ctr = c + 0.5 + 0.25 * vec2(sin(t * 0.7 + h * 6.2831853), cos(t * 0.6 + h * 12.0));
        float wave = sin(dot(c, vec2(0.6, 0.4)) - t * 1.3 + h * 2.0);
        float r = 0.8 + 0.25 * wave;
        vec2 d = p - ctr;
        float k = max(1.0 - dot(d, d) / (1.44 * r * r / 1.05), 0.0);
        float w = 2.2 * k * k * k;
        field += w;
        vec3 col = 0.55 + 0.45 * cos(6.2831853 * (h + vec3(0.0, 0.33, 0.67)));
        tint += col * w * w;
    }
    tint /= max(dot(tint, vec3(0.333)), 1e-4);
    tint = clamp(tint * 0.6, 0.0, 1.0);
    float iso = 1.0;
    float inside = smoothstep(iso - 0.05, iso + 0.05, field);
    float depth = 1.0 - exp(-(field - iso) * 0.6);
    vec3 bg = mix(vec3(0.12, 0.15, 0.3), vec3(0.3, 0.18, 0.35), 0.5 + 0.5 * sin(p.x * 0.3 + p.y * 0.2));
    bg += 0.15 * tint * smoothstep(0.3, 1.0, field);
    vec3 body = tint * (0.65 + 0.5 * clamp(depth, 0.0, 1.0));
    body += vec3(1.0) * 0.35 * smoothstep(2.5, 5.0, field);
    vec3 col = mix(bg, body, inside);
    col = mix(col, tint * 0.3, smoothstep(0.12, 0.0, abs(field - iso)) * 0.6);
    fragColor = vec4(clamp(col, 0.0, 1.0), 1.0);
}
