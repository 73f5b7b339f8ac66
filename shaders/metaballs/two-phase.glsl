// name: two-phase
// family: metaballs
// tags: metaballs, two-fluids, anti-blobs, mixing, implicit
// licence: MIT
// author: shaderbank contributors
// description: Two immiscible metaball fluids, a warm and a cool field each with negative anti-blobs punching holes, overlapping into a third colour where both are present.

void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = (fragCoord - 0.5 * iResolution.xy) / iResolution.y;
    vec2 m = iMouse.xy / max(iResolution.xy, vec2(1.0));
    float t = iTime;
    float fa = 0.0;
    float fb = 0.0;
    for (int i = 0; i < 10; i++)
    {
        float fi = float(i);
        float neg = mod(fi, 5.0) < 0.5 ? -0.6 : 1.0;
        vec2 c = vec2(0.8 * sin(t * (0.27 + 0.04 * fi) + fi * 1.3 + m.x * 2.0),
                      0.45 * cos(t * (0.21 + 0.05 * fi) + fi * 2.2));
        float r = 0.17 + 0.05 * fract(fi * 0.37);
        vec2 d = uv - c;
        float w = neg * r * r / (dot(d, d) + 2e-3);
        if (fi < 4.5) fa += w; else fb += w;
    }
    float ia = smoothstep(0.95, 1.05, fa);
    float ib = smoothstep(0.95, 1.05, fb);
    vec3 bg = mix(vec3(0.92, 0.9, 0.8), vec3(0.8, 0.88, 0.9), 0.5 + 0.5 * uv.x);
    bg *= 0.9 + 0.1 * step(0.5, fract((uv.x - uv.y) * 8.0 + 0.2 * t));
    vec3 warm = mix(vec3(0.95, 0.35, 0.15), vec3(1.0, 0.75, 0.25), clamp((fa - 1.0) * 0.3, 0.0, 1.0));
    vec3 cool = mix(vec3(0.15, 0.35, 0.85), vec3(0.3, 0.85, 0.8), clamp((fb - 1.0) * 0.3, 0.0, 1.0));
    vec3 both = vec3(0.55, 0.2, 0.6);
    vec3 col = bg;
    col = mix(col, warm, ia * (1.0 - ib));
    col = mix(col, cool, ib * (1.0 - ia));
    col = mix(col, both, ia * ib);
    float rim = max(smoothstep(0.12, 0.0, abs(fa - 1.0)), smoothstep(0.12, 0.0, abs(fb - 1.0)));
    col = mix(col, vec3(0.1, 0.08, 0.12), rim * 0.7);
    fragColor = vec4(clamp(col, 0.0, 1.0), 1.0);
}
