// name: apollonian-lace
// family: ifs
// tags: ifs, apollonian, circle-inversion, orbit-trap, lace
// licence: MIT
// author: shaderbank contributors
// description: Apollonian-like gasket from repeated lattice folds and circle inversions, its inversion strength drifting, lace edges over orbit-trap colour.

void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = (fragCoord - 0.5 * iResolution.xy) / iResolution.y;
    vec2 m = iMouse.xy / max(iResolution.xy, vec2(1.0));
    float t = iTime;
    float zoom = 1.6 + 0.6 * sin(t * 0.21);
    vec2 p = uv * zoom + vec2(0.3 * sin(t * 0.13), 0.25 * cos(t * 0.17)) + (m - 0.5);
    float strength = 1.15 + 0.25 * sin(t * 0.4);
    float s = 1.0;
    float trap = 1e9;
    float hue = 0.0;
    for (int i = 0; i < 8; i++)
    {
        p = -1.0 + 2.0 * fract(0.5 * p + 0.5);
        float r2 = max(dot(p, p), 1e-6);
        trap = min(trap, r2);
        hue += r2;
        float k = strength / r2;
        p *= k;
        s *= k;
    }
    float d = 0.25 * abs(p.y) / s;
    float lace = smoothstep(0.004 * zoom, 0.0, d);
    vec3 base = 0.5 + 0.5 * cos(6.2831853 * (0.12 * hue + vec3(0.0, 0.25, 0.55) + 0.03 * t));
    vec3 col = base * (0.55 + 0.45 * sqrt(clamp(trap, 0.0, 1.0)));
    col = mix(col, vec3(1.0, 0.95, 0.8), lace * 0.85);
    fragColor = vec4(clamp(col, 0.0, 1.0), 1.0);
}
