// name: thermal-field
// family: metaballs
// tags: metaballs, thermal, heat-map, false-colour, isotherms
// licence: MIT
// author: shaderbank contributors
// description: Fourteen metaballs read as heat sources under a thermal camera: iron-bow false colour of the summed field with faint isotherms and a moving scan line.

vec3 ironbow(float x)
{
    x = clamp(x, 0.0, 1.0);
    vec3 c = vec3(0.1, 0.0, 0.25);
    c = mix(c, vec3(0.45, 0.0, 0.6), smoothstep(0.0, 0.25, x));
    c = mix(c, vec3(0.9, 0.15, 0.3), smoothstep(0.2, 0.5, x));
    c = mix(c, vec3(1.0, 0.6, 0.05), smoothstep(0.45, 0.75, x));
    c = mix(c, vec3(1.0, 1.0, 0.75), smoothstep(0.75, 1.0, x));
    return c;
}

void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = (fragCoord - 0.5 * iResolution.xy) / iResolution.y;
    vec2 m = iMouse.xy / max(iResolution.xy, vec2(1.0));
    float t = iTime;
    float field = 0.0;
    for (int i = 0; i < 14; i++)
    {
        float fi = float(i);
        vec2 c = vec2(0.85 * sin(t * (0.2 + 0.035 * fi) + fi * 4.1 + m.x * 2.0),
                      0.5 * cos(t * (0.25 + 0.03 * fi) + fi * 2.7 + m.y * 2.0));
        float heat = 0.5 + 0.5 * sin(t * (0.5 + 0.1 * fi) + fi);
        float r = 0.1 + 0.06 * fract(fi * 0.618);
        vec2 d = uv - c;
        field += heat * r * r / (dot(d, d) + 4e-3);
    }
    float temp = 1.0 - exp(-field * 0.9);
    vec3 col = ironbow(temp * 1.05);
    float iso = abs(fract(temp * 10.0) - 0.5);
    col *= 0.85 + 0.15 * smoothstep(0.0, 0.1, iso);
    float scan = smoothstep(0.02, 0.0, abs(fract(uv.y * 0.5 + 0.25 - t * 0.2) - 0.5));
    col += vec3(0.15) * scan;
    fragColor = vec4(clamp(col, 0.0, 1.0), 1.0);
}
