// `void` and `mainImage(` on lines split by #if: rings around the centre.
#define RINGS 6
void
#if RINGS > 4
mainImage(out vec4 fragColor, in vec2 fragCoord)
#else
mainImage(out vec4 fragColor, vec2 fragCoord)
#endif
{
    vec2 p = (fragCoord - 0.5 * iResolution.xy) / iResolution.y;
    float r = length(p);
    float band = 0.5 + 0.5 * sin(float(RINGS) * 6.2831 * r - 2.0 * iTime);
    fragColor = vec4(band, 0.4 + 0.4 * p.x, 1.0 - band * 0.6, 1.0);
}
