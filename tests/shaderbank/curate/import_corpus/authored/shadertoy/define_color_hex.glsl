// A hexagonal grid tinted by a macro named `color`.
#define color vec3(0.95, 0.55, 0.2)
void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 p = fragCoord / iResolution.y * 8.0;
    vec2 r = vec2(1.0, 1.732);
    vec2 a = mod(p, r) - 0.5 * r, b = mod(p - 0.5 * r, r) - 0.5 * r;
    vec2 g = dot(a, a) < dot(b, b) ? a : b;
    float edge = smoothstep(0.35, 0.45, length(g));
    fragColor = vec4(mix(color, vec3(0.1, 0.15, 0.3), edge), 1.0);
}
