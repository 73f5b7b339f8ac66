// Words after #else and #endif, which browsers' preprocessors ignore.
#ifdef FAST
#define N 3.0
#else SLOW
#define N 5.0
#endif N
void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 p = abs(fract(fragCoord / iResolution.y * N) - 0.5);
    float d = p.x + p.y;
    fragColor = vec4(d, 0.4 + 0.4 * sin(d * 10.0 - iTime), 1.0 - d, 1.0);
}
