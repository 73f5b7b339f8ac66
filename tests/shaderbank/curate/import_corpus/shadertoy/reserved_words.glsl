float smooth(float a) { return a * a * (3.0 - 2.0 * a); }
void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = fragCoord / iResolution.xy;
    float filter = smooth(fract(iTime * 0.2));
    float sample = 0.5;
    fragColor = vec4(uv.x, uv.y, filter * sample, 1.0);
}
