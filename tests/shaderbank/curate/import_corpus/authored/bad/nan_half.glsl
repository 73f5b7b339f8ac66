// Half of the picture is NaN: far above the share tolerated.
void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = fragCoord / iResolution.xy;
    float zero = uv.x * 0.0;
    fragColor = vec4(uv.x < 0.5 ? zero / zero : uv.x, uv.y, 0.0, 1.0);
}
