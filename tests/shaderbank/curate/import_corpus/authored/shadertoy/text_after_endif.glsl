#ifdef GL_ES
precision highp float;
#endif GL_ES
#define SCALE 3.0
void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = fragCoord / iResolution.xy;
    fragColor = vec4(fract(uv * SCALE), 0.5 + 0.5 * sin(iTime), 1.0);
}
