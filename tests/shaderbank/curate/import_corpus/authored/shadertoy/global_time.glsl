// Global initialisers that read iTime and iMouse, as Shadertoy's uniforms allow.
float t0 = iTime * 0.7;
vec2 m0 = iMouse.xy / iResolution.xy;
void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = fragCoord / iResolution.xy;
    fragColor = vec4(uv, 0.5 + 0.5 * sin(t0 + m0.x), 1.0);
}
