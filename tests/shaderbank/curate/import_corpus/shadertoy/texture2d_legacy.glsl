void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = fragCoord.xy / iResolution.xy;
    vec4 t = texture2D(iChannel1, uv + vec2(iGlobalTime * 0.01));
    fragColor = vec4(uv.x, uv.y, t.g, 1.0);
}
