// A sunset whose layer count exists only for HW_PERFORMANCE 1.
#if HW_PERFORMANCE == 1
#define LAYERS 5
#endif
void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = fragCoord / iResolution.xy;
    vec3 col = mix(vec3(1.0, 0.5, 0.2), vec3(0.2, 0.1, 0.4), uv.y);
    for (int i = 0; i < LAYERS; i++) {
        float h = 0.1 + 0.08 * float(i) + 0.04 * sin(uv.x * 7.0 + float(i) * 3.0);
        col = mix(col, vec3(0.1 + 0.1 * float(i), 0.05, 0.15), step(uv.y, h));
    }
    float sun = smoothstep(0.12, 0.1, length(uv - vec2(0.6, 0.55 + 0.05 * sin(iTime))));
    fragColor = vec4(col + sun * vec3(1.0, 0.8, 0.3), 1.0);
}
