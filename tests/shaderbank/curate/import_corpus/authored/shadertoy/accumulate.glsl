// Adds to the colour and to a local that it never set: browsers start both at zero.
void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = fragCoord / iResolution.xy;
    vec3 col;
    for (int i = 0; i < 3; i++) {
        col += 0.3 * vec3(uv, 0.5 + 0.5 * sin(iTime + float(i)));
    }
    fragColor += vec4(col, 1.0);
}
