// A spiral about a centre that is a global initialiser (half of iResolution).
vec2 centre = 0.5 * iResolution.xy;
float spin = iTime * 0.7;
void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 p = (fragCoord - centre) / centre.y;
    float a = atan(p.y, p.x) + spin;
    float arm = 0.5 + 0.5 * sin(3.0 * a + 12.0 * length(p));
    fragColor = vec4(arm, arm * 0.5 + 0.2, 1.0 - arm, 1.0);
}
