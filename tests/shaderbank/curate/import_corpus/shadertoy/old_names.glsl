// Written when Shadertoy called it iGlobalTime.
void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = fragCoord.xy / iResolution.xy;
    float t = iGlobalTime + 0.0 * iChannelTime[0];
    fragColor = vec4(uv.x, uv.y, fract(t * 0.3 + uv.y), 1.0);
}
