// name: pentaflake-trap
// family: ifs
// tags: ifs, pentaflake, polar-fold, scale, orbit-trap
// licence: MIT
// author: shaderbank contributors
// description: Fivefold polar fold, shift and scale iterated into a pentaflake, coloured by a ring orbit trap and the depth at which the trap fired.

void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = (fragCoord - 0.5 * iResolution.xy) / iResolution.y;
    vec2 m = iMouse.xy / max(iResolution.xy, vec2(1.0));
    float t = iTime;
    vec2 p = uv * 2.2;
    float sc = 2.3 + 0.35 * sin(t * 0.33);
    float shift = 0.9 + 0.25 * cos(t * 0.27 + m.x * 3.0);
    float twist = 0.2 * t + m.y;
    float seg = 6.2831853 / 5.0;
    float scale = 1.0;
    float trap = 1e9;
    float depth = 0.0;
    for (int i = 0; i < 6; i++)
    {
        float a = atan(p.y, p.x) + twist;
        a = mod(a + seg * 0.5, seg) - seg * 0.5;
        p = length(p) * vec2(cos(a), sin(a));
        p.x -= shift;
        p *= sc;
        scale *= sc;
        float ring = abs(length(p) - 0.8) / scale;
        if (ring < trap) { trap = ring; depth = float(i); }
    }
    float d = trap;
    vec3 col = 0.55 + 0.45 * cos(6.2831853 * (depth * 0.17 + vec3(0.0, 0.33, 0.67) + 0.3 * log(1.0 + d * 40.0)));
    col *= 0.45 + 0.55 * exp(-d * 25.0);
    col += vec3(1.0, 0.9, 0.7) * exp(-d * 400.0) * 0.6;
    col = max(col, vec3(0.12, 0.08, 0.22) + 0.1 * cos(uv.y * 3.0 + vec3(0.0, 1.0, 2.0)));
    fragColor = vec4(clamp(col, 0.0, 1.0), 1.0);
}
