// Five soft discs summed into an output that was never cleared.
void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 p = (fragCoord - 0.5 * iResolution.xy) / iResolution.y;
    for (int i = 0; i < 5; i++) {
        float a = 1.2566 * float(i) + 0.3 * iTime;
        vec2 c = 0.28 * vec2(cos(a), sin(a));
        float d = smoothstep(0.16, 0.1, length(p - c));
        fragColor += d * vec4(0.5 + 0.5 * cos(a + vec3(0.0, 2.0, 4.0)), 1.0);
    }
    fragColor += vec4(0.08, 0.1, 0.16, 0.0);
}
