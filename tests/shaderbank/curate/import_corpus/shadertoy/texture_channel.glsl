void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = fragCoord / iResolution.xy;
    vec3 tex = texture(iChannel0, uv * 2.0 + iTime * 0.05).rgb;
    fragColor = vec4(uv.x, uv.y, tex.b, 1.0);
}
