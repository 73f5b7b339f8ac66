// `void` spelt by a macro and on its own line: a swirl.
#define VOID void
VOID
mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 p = (fragCoord - 0.5 * iResolution.xy) / iResolution.y;
    float r = length(p);
    float a = atan(p.y, p.x) + 4.0 * r - iTime;
    fragColor = vec4(0.5 + 0.5 * sin(a * 3.0), 0.5 + 0.5 * sin(a * 3.0 + 2.0), r + 0.2, 1.0);
}
