// name: labyrinth-stripes
// family: reaction
// tags: reaction-diffusion, labyrinth, stripes, band-pass, threshold
// licence: MIT
// author: shaderbank contributors
// description: Labyrinthine stripes of even width from a ring-spectrum sum of fourteen waves turning at different rates, sharply thresholded at zero.

float pcgUnit(uint v)
{
    uint h = v * 747796405u + 2891336453u;
    h = ((h >> ((h >> 28u) + 4u)) ^ h) * 277803737u;
    h = (h >> 22u) ^ h;
    return float(h) * (1.0 / 4294967296.0);
}

void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = (fragCoord - 0.5 * iResolution.xy) / iResolution.y;
    vec2 m = iMouse.xy / max(iResolution.xy, vec2(1.0));
    float t = iTime;
    float k0 = 6.2831853 / 0.14;
    vec2 p = uv + m * 3.0;
    float v = 0.0;
    for (int i = 0; i < 14; i++)
    {
        float fi = float(i);
        float a = 6.2831853 * pcgUnit(uint(i) * 3u + 11u) + t * (0.05 + 0.04 * fract(fi * 0.618)) * (mod(fi, 2.0) * 2.0 - 1.0);
        float ph = 6.2831853 * pcgUnit(uint(i) * 3u + 12u) + t * 0.3;
        v += cos(k0 * dot(p, vec2(cos(a), sin(a))) + ph);
    }
    v /= sqrt(7.0);
    float s = smoothstep(-0.12, 0.12, v);
    float edge = 1.0 - abs(v) * 2.0;
    vec3 a0 = vec3(0.95, 0.55, 0.15);
    vec3 a1 = vec3(0.1, 0.25, 0.55);
    float region = 0.5 + 0.5 * sin(uv.x * 2.3 - uv.y * 1.7 + t * 0.4);
    a0 = mix(a0, vec3(0.95, 0.85, 0.3), region);
    a1 = mix(a1, vec3(0.45, 0.1, 0.4), 1.0 - region);
    vec3 col = mix(a1, a0, s);
    col *= 0.75 + 0.25 * clamp(abs(v) * 1.5, 0.0, 1.0);
    col += 0.1 * max(edge, 0.0);
    fragColor = vec4(clamp(col, 0.0, 1.0), 1.0);
}
