// name: square-ribbons
// family: kaleido
// tags: kaleidoscope, wallpaper, p4m, square-mirror, ribbons
// licence: MIT
// author: shaderbank contributors
// description: Square-mirror (p4m) wallpaper kaleidoscope: wavy ribbons in the fundamental triangle reflected across a rotating, breathing lattice of mirrors.

void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = (fragCoord - 0.5 * iResolution.xy) / iResolution.y;
    vec2 m = iMouse.xy / max(iResolution.xy, vec2(1.0));
    float t = iTime;
    float rot = 0.1 * t + m.x;
    float zoom = 2.2 + 0.6 * sin(t * 0.25);
    vec2 p = mat2(cos(rot), -sin(rot), sin(rot), cos(rot)) * uv * zoom + vec2(0.1 * t, m.y);
    // fold into the triangle 0 <= y <= x <= 0.5 of the unit cell
    vec2 cell = floor(p + 0.5);
    p = abs(p - cell);
    if (p.y > p.x) p = p.yx;
    vec3 col = mix(vec3(0.1, 0.3, 0.45), vec3(0.35, 0.15, 0.4), p.x * 2.0);
    for (int i = 0; i < 4; i++)
    {
        float fi = float(i);
        float y0 = 0.08 + 0.1 * fi + 0.05 * sin(p.x * (9.0 + 3.0 * fi) + t * (0.9 + 0.3 * fi) + fi);
        float d = abs(p.y - y0 * (0.4 + 0.6 * p.x * 2.0));
        float w = 0.025 + 0.01 * sin(t + fi);
        float ribbon = smoothstep(w, w * 0.4, d);
        vec3 rc = 0.55 + 0.45 * cos(6.2831853 * (fi * 0.22 + vec3(0.0, 0.33, 0.67) + 0.05 * t));
        col = mix(col, rc * (0.7 + 0.6 * (1.0 - d / w)), ribbon);
    }
    float diamond = smoothstep(0.06, 0.04, abs(p.x + p.y - 0.55 - 0.1 * sin(t * 0.6)));
    col = mix(col, vec3(1.0, 0.85, 0.4), diamond * 0.8);
    col *= 0.85 + 0.15 * smoothstep(0.0, 0.03, p.y);
    fragColor = vec4(clamp(col, 0.0, 1.0), 1.0);
}
