void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = fragCoord / iResolution.xy;
    float d = length(fragCoord - iMouse.xy) / iResolution.y;
    fragColor = vec4(uv.x, uv.y, smoothstep(0.3, 0.0, d) + 0.1 * sin(iTime), 1.0);
}
