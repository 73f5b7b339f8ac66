// name: julia-orbit
// family: fractal
// tags: fractal, julia, escape-time, smooth-colouring
// licence: MIT
// author: shaderbank contributors
// description: Quadratic Julia set whose parameter circles the main cardioid, smooth escape colouring plus interior tinted by the final orbit angle.

void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = (2.0 * fragCoord - iResolution.xy) / iResolution.y;
    vec2 m = iMouse.xy / max(iResolution.xy, vec2(1.0));
    float t = iTime;
    float a = 0.45 * t + m.x * 6.2831853;
    vec2 e1 = vec2(cos(a), sin(a));
    vec2 e2 = vec2(cos(2.0 * a), sin(2.0 * a));
    vec2 c = (0.5 * e1 - 0.25 * e2) * 1.02 + vec2(0.01, 0.0);
    float zoom = 1.35 - 0.35 * sin(t * 0.37) - 0.5 * m.y;
    float rot = 0.2 * t;
    vec2 z = mat2(cos(rot), -sin(rot), sin(rot), cos(rot)) * uv * zoom;

    float n = 0.0;
    float r2 = 0.0;
    bool escaped = false;
    for (int i = 0; i < 96; i++)
    {
        z = vec2(z.x * z.x - z.y * z.y, 2.0 * z.x * z.y) + c;
        r2 = dot(z, z);
        if (r2 > 256.0) { escaped = true; break; }
        n += 1.0;
    }

    vec3 col;
    if (escaped)
    {
        float sn = n - log2(max(log2(r2), 1e-6)) + 4.0;
        float v = sqrt(max(sn, 0.0) / 96.0);
        col = 0.5 + 0.5 * cos(6.2831853 * (v * 3.0 + vec3(0.0, 0.12, 0.3) + 0.05 * t));
        col = mix(vec3(0.2, 0.1, 0.35), col, 0.35 + 0.65 * smoothstep(0.0, 0.35, v));
    }
    else
    {
        float ang = atan(z.y, z.x);
        col = 0.45 + 0.35 * cos(ang * 2.0 + vec3(2.0, 3.0, 4.0) + t);
        col *= 0.7 + 0.3 * clamp(r2, 0.0, 1.0);
    }
    fragColor = vec4(clamp(col, 0.0, 1.0), 1.0);
}
