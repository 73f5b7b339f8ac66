// name: crystal-fold
// family: kaleido
// tags: kaleidoscope, kifs, folding, crystal, lines
// licence: MIT
// author: shaderbank contributors
// description: Iterated abs-fold, rotate and scale (2D KIFS) producing crystalline line lattices glowing in icy neon over a violet gradient.

void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = (2.0 * fragCoord - iResolution.xy) / iResolution.y;
    vec2 m = iMouse.xy / max(iResolution.xy, vec2(1.0));
    float t = iTime;
    vec2 p = uv * 1.3;
    float ang = 0.45 + 0.35 * sin(t * 0.23) + m.x;
    mat2 rot = mat2(cos(ang), -sin(ang), sin(ang), cos(ang));
    vec2 offs = vec2(0.55 + 0.15 * sin(t * 0.31), 0.35 + 0.15 * cos(t * 0.19 + m.y * 3.0));
    float scale = 1.0;
    float glow = 0.0;
    float trap = 1e9;
    vec3 tint = vec3(0.0);
    for (int i = 0; i < 5; i++)
    {
        p = abs(p) - offs;
        p = rot * p;
        p *= 1.45;
        scale *= 1.45;
        float d = min(abs(p.x), abs(p.y)) / scale;
        float g = exp(-d * 90.0) * (1.0 - 0.15 * float(i));
        glow += g;
        tint += g * (0.55 + 0.45 * cos(float(i) * 0.9 + t * 0.4 + vec3(0.0, 2.0, 4.0)));
        trap = min(trap, length(p) / scale);
    }
    vec3 bg = mix(vec3(0.35, 0.2, 0.55), vec3(0.1, 0.35, 0.55), 0.5 + 0.5 * uv.y);
    bg *= 0.7 + 0.6 * smoothstep(0.25, 0.0, trap);
    vec3 col = bg + (1.0 - exp(-tint * 0.8));
    col += vec3(0.8, 0.95, 1.0) * smoothstep(0.02, 0.0, trap) * 0.6;
    fragColor = vec4(clamp(col, 0.0, 1.0), 1.0);
}
