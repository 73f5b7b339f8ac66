// A mosaic quantised by round trips through the WebGL2 16-bit packing built-ins.
void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = fragCoord / iResolution.xy;
    vec2 cell = floor(uv * 10.0) / 10.0;
    uint bits = packUnorm2x16(fract(cell * vec2(3.7, 5.3) + 0.05 * iTime));
    vec2 v = unpackUnorm2x16(bits);
    fragColor = vec4(v.x, v.y, 1.0 - v.x * v.y, 1.0);
}
