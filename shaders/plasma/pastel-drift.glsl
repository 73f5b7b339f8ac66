// name: pastel-drift
// family: plasma
// tags: plasma, pastel, soft, layered, multiply
// licence: MIT
// author: shaderbank contributors
// description: Three soft plasma layers in sugared-almond pastels drifting at different speeds and stacked like sheets of tinted tissue paper filtering the light.

void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = (2.0 * fragCoord - iResolution.xy) / iResolution.y;
    vec2 m = iMouse.xy / max(iResolution.xy, vec2(1.0));
    float t = iTime;
    vec3 tints[3];
    tints[0] = vec3(1.0, 0.4, 0.62);
    tints[1] = vec3(0.35, 0.95, 0.78);
    tints[2] = vec3(0.6, 0.5, 1.0);
    vec3 col = mix(vec3(1.0, 0.95, 0.8), vec3(0.85, 0.95, 1.0), 0.5 + 0.5 * sin(uv.x * 1.3 + t * 0.2));
    for (int i = 0; i < 3; i++)
    {
        float fi = float(i);
        float ang = fi * 2.1 + t * 0.1 * (fi + 1.0) + m.x;
        vec2 p = mat2(cos(ang), -sin(ang), sin(ang), cos(ang)) * uv * (1.2 + 0.4 * fi);
        p += vec2(t * 0.3 * (1.0 + fi * 0.5), -t * 0.2);
        float v = sin(p.x * 1.4 + sin(p.y * 1.1 + t * 0.6)) * cos(p.y * 1.2 - t * 0.4 + fi);
        float layer = smoothstep(-0.25, 0.45, v) * 0.85;
        // each layer is a sheet of tinted tissue: it filters the light below it
        col *= mix(vec3(1.0), tints[i], layer);
    }
    col = mix(col, col.gbr, 0.15 + 0.15 * sin(t * 0.3 + m.y * 3.0));
    col = pow(col, vec3(0.9));
    fragColor = vec4(clamp(col, 0.0, 1.0), 1.0);
}
