// Four sine layers added straight into the colour, which browsers start at zero.
void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 p = fragCoord / iResolution.y * 4.0;
    for (int i = 1; i <= 4; i++) {
        float k = float(i);
        fragColor.rgb += 0.22 * (0.5 + 0.5 * sin(vec3(1.0, 2.1, 3.3) * k + p.x * k + sin(p.y * k + iTime)));
    }
    fragColor.a = 1.0;
}
