// name: cell-soup
// family: metaballs
// tags: metaballs, implicit, contours, colour-blend, biology
// licence: MIT
// author: shaderbank contributors
// description: Twelve coloured metaballs whose field is drawn as nested contour lines, each point tinted by the blob that dominates it, like cells in a dish.

void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = (2.0 * fragCoord - iResolution.xy) / iResolution.y;
    vec2 m = iMouse.xy / max(iResolution.xy, vec2(1.0));
    float t = iTime;
    float field = 0.0;
    vec3 tint = vec3(0.0);
    for (int i = 0; i < 12; i++)
    {
        float fi = float(i);
        vec2 c = vec2(1.4 * sin(t * (0.15 + 0.02 * fi) + fi * 3.7 + m.x * 2.0),
                      0.95 * cos(t * (0.19 + 0.015 * fi) + fi * 5.1 + m.y * 2.0));
        float r = 0.19 + 0.08 * fract(fi * 0.618);
        vec2 d = uv - c;
        float w = r * r / (dot(d, d) + 1e-3);
        field += w;
        vec3 ci = 0.55 + 0.45 * cos(6.2831853 * (fi * 0.083 + vec3(0.0, 0.33, 0.67)));
        tint += ci * w * w;
    }
    tint = tint / max(dot(tint, vec3(0.333)), 1e-4) * 0.6;
    float level = log(max(field, 1e-4)) * 2.0;
    float contour = abs(fract(level) - 0.5) * 2.0;
    vec3 dish = mix(vec3(0.8, 0.85, 0.7), vec3(0.6, 0.75, 0.8), 0.5 + 0.5 * uv.y);
    vec3 col = mix(dish, tint, smoothstep(0.15, 1.0, field));
    col *= 0.7 + 0.3 * smoothstep(0.0, 0.3, contour);
    col = mix(col, vec3(0.25, 0.1, 0.3), smoothstep(0.93, 1.0, field) * smoothstep(1.07, 1.0, field) * 0.8);
    fragColor = vec4(clamp(col, 0.0, 1.0), 1.0);
}
