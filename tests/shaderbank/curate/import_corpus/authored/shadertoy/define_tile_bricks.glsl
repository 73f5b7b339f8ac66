// Bricks sized by a macro named `tile`.
#define tile vec2(4.0, 8.0)
void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = fragCoord / iResolution.xy * tile;
    uv.x += 0.5 * mod(floor(uv.y), 2.0);
    vec2 f = fract(uv);
    float mortar = step(0.08, f.x) * step(0.1, f.y);
    fragColor = vec4(mix(vec3(0.8), vec3(0.7, 0.25, 0.15), mortar), 1.0);
}
