// WebGL2 built-ins that desktop GLSL 3.30 lacks: stripes quantised through half
// floats and 16-bit unorm, then unpacked.
void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = fragCoord / iResolution.xy;
    vec2 wave = vec2(sin(uv.x * 20.0 + iTime), cos(uv.y * 14.0 - iTime));
    vec2 back = unpackHalf2x16(packHalf2x16(wave * 0.5 + 0.5));
    vec2 steps = unpackUnorm2x16(packUnorm2x16(floor(uv * 8.0) / 8.0));
    vec2 s = unpackSnorm2x16(packSnorm2x16(wave));
    fragColor = vec4(back.x, steps.y * 0.8 + 0.1, 0.5 + 0.4 * s.y, 1.0);
}
