#if HW_PERFORMANCE==0
#define STEPS 4
#else
#define STEPS 16
#endif
void mainImage(out vec4 o, in vec2 f)
{
    vec2 uv = f / iResolution.xy;
    float acc = 0.0;
    for (int i = 0; i < STEPS; i++) acc += sin(float(i) + iTime + uv.y * 5.0);
    o = vec4(uv.x, uv.y, 0.5 + 0.1 * acc, 1.0);
}
