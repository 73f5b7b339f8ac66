// The signature made by macros: `V` is void and `ENTRY` is mainImage, and the colour
// is accumulated with += (it must start at zero).
#define V void
#define ENTRY mainImage
V ENTRY(out vec4 O, in vec2 U)
{
    vec2 uv = U / iResolution.xy;
    for (int i = 0; i < 3; i++) {
        float k = float(i + 1);
        O.rgb += 0.3 * vec3(0.5 + 0.5 * sin(k * 9.0 * uv.x + iTime), 0.5 + 0.5 * cos(k * 7.0 * uv.y), uv.x * uv.y);
    }
    O.a = 1.0;
}
