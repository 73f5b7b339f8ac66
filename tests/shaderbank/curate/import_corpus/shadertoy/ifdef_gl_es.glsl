#ifdef GL_ES
precision mediump float;
#define SCALE 1.0
#else
#define SCALE 1.0
#endif
void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = fragCoord / iResolution.xy * SCALE;
    fragColor = vec4(uv.x, uv.y, abs(sin(iTime * 0.7)), 1.0);
}
