// A bracket never closed.
void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 p = (fragCoord - 0.5 * iResolution.xy / iResolution.y;
    fragColor = vec4(p, length(p), 1.0);
}
