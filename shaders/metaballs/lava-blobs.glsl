// name: lava-blobs
// family: metaballs
// tags: metaballs, implicit, lava-lamp, glow, 2d
// licence: MIT
// author: shaderbank contributors
// description: Lava-lamp metaballs: eight inverse-square blobs rising and sinking, thresholded with a hot rim and a warm glow into a teal ground.

void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = (2.0 * fragCoord - iResolution.xy) / iResolution.y;
    vec2 m = iMouse.xy / max(iResolution.xy, vec2(1.0));
    float t = iTime;
    float field = 0.0;
    for (int i = 0; i < 8; i++)
    {
        float fi = float(i);
        vec2 c = vec2(0.9 * sin(t * (0.21 + 0.03 * fi) + fi * 1.9 + m.x * 3.0),
                      1.1 * sin(t * (0.33 + 0.05 * fi) + fi * 0.8));
        float r = 0.24 + 0.07 * sin(fi * 2.3);
        vec2 d = uv - c;
        field += r * r / (dot(d, d) + 1e-4);
    }
    float iso = 1.0;
    vec3 ground = mix(vec3(0.05, 0.35, 0.4), vec3(0.15, 0.2, 0.45), 0.5 + 0.5 * uv.y);
    vec3 glow = vec3(1.0, 0.45, 0.1) * smoothstep(0.2, 1.0, field) * 0.6;
    vec3 body = mix(vec3(1.0, 0.35, 0.1), vec3(1.0, 0.85, 0.3), smoothstep(1.0, 4.0, field));
    vec3 col = ground + glow;
    col = mix(col, body, smoothstep(iso - 0.03, iso + 0.03, field));
    col = mix(col, vec3(0.6, 0.05, 0.1), smoothstep(0.15, 0.0, abs(field - iso - 0.12)) * 0.5);
    fragColor = vec4(clamp(col, 0.0, 1.0), 1.0);
}
