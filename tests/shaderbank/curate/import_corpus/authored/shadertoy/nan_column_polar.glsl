// A polar pattern whose middle column divides zero by zero: one NaN line, shown black.
void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 p = (fragCoord - 0.5 * iResolution.xy) / iResolution.y;
    float k = floor(fragCoord.x) - floor(0.5 * iResolution.x);
    float a = atan(p.y, p.x);
    float petals = 0.5 + 0.5 * cos(6.0 * a + iTime) * k / k;
    fragColor = vec4(petals, 0.6 * length(p) + 0.2, 0.8 - 0.5 * petals, 1.0);
}
