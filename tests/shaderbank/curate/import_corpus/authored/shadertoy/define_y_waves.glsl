// Wavy bands with `y` a macro: a name the wrapper's own code once declared.
#define y (fragCoord.y / iResolution.y)
void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    float x = fragCoord.x / iResolution.x;
    float band = fract(8.0 * y + 0.1 * sin(x * 12.0 + iTime));
    fragColor = vec4(band, 0.3 + 0.5 * x, 0.6 * (1.0 - band), 1.0);
}
