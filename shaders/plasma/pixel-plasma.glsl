// name: pixel-plasma
// family: plasma
// tags: plasma, pixel-art, retro, dither, posterised
// licence: MIT
// author: shaderbank contributors
// description: Low-resolution retro plasma on a coarse pixel grid, ordered-dithered down to an eight-colour palette that slowly rotates.

float bayer4(vec2 c)
{
    vec2 q = mod(c, 4.0);
    float i = q.x + 4.0 * q.y;
    // the 4x4 Bayer matrix laid out row by row
    float b = 0.0;
    if (i < 0.5) b = 0.0; else if (i < 1.5) b = 8.0; else if (i < 2.5) b = 2.0; else if (i < 3.5) b = 10.0;
    else if (i < 4.5) b = 12.0; else if (i < 5.5) b = 4.0; else if (i < 6.5) b = 14.0; else if (i < 7.5) b = 6.0;
    else if (i < 8.5) b = 3.0; else if (i < 9.5) b = 11.0; else if (i < 10.5) b = 1.0; else if (i < 11.5) b = 9.0;
    else if (i < 12.5) b = 15.0; else if (i < 13.5) b = 7.0; else if (i < 14.5) b = 13.0; else b = 5.0;
    return (b + 0.5) / 16.0;
}

vec3 paletteAt(float i, float shift)
{
    float k = mod(i + shift, 8.0);
    if (k < 1.0) return vec3(0.1, 0.05, 0.25);
    if (k < 2.0) return vec3(0.35, 0.1, 0.5);
    if (k < 3.0) return vec3(0.8, 0.15, 0.45);
    if (k < 4.0) return vec3(1.0, 0.45, 0.3);
    if (k < 5.0) return vec3(1.0, 0.8, 0.35);
    if (k < 6.0) return vec3(0.5, 0.9, 0.45);
    if (k < 7.0) return vec3(0.15, 0.65, 0.7);
    return vec3(0.1, 0.3, 0.6);
}

void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = fragCoord / iResolution.y;
    vec2 m = iMouse.xy / max(iResolution.xy, vec2(1.0));
    float t = iTime;
    float blocks = 40.0;
    vec2 cell = floor(uv * blocks);
    vec2 p = (cell + 0.5) / blocks * 5.0 + m * 4.0;
    float v = sin(p.x + t) + sin(p.y * 1.3 - t * 0.7) + sin((p.x + p.y) * 0.8 + t * 1.2);
    v += sin(length(p - vec2(2.5 + 2.0 * sin(t * 0.3), 2.5 + 2.0 * cos(t * 0.4))) * 2.0);
    float level = (v + 4.0) / 8.0 * 7.0;
    float base = floor(level);
    float frac = level - base;
    float idx = base + step(bayer4(cell), frac);
    vec3 col = paletteAt(idx, floor(t * 0.8));
    fragColor = vec4(col, 1.0);
}
