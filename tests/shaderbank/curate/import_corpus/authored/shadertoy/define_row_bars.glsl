// Horizontal bars whose index is a macro named `row`.
#define row floor(fragCoord.y / iResolution.y * 7.0)
void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    float x = fragCoord.x / iResolution.x;
    float level = step(x, 0.5 + 0.4 * sin(row * 1.7 + iTime));
    fragColor = vec4(level * (0.5 + 0.5 * cos(row + vec3(0.0, 2.0, 4.0))) + 0.1, 1.0);
}
