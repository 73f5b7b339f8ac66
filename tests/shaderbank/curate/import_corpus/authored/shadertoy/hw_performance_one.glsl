// Only its high-performance path is written.
#if HW_PERFORMANCE == 0
#define DETAIL onlyOnFastMachines
#else
#define DETAIL 4.0
#endif
void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = fragCoord / iResolution.xy;
    fragColor = vec4(fract(uv * DETAIL), 0.5, 1.0);
}
