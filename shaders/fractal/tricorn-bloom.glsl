// name: tricorn-bloom
// family: fractal
// tags: fractal, tricorn, mandelbar, escape-time, smooth-colouring
// licence: MIT
// author: shaderbank contributors
// description: The tricorn (conjugate Mandelbrot) drifting between its three-fold body and a zoomed tip, smooth iteration count through a shifting cosine palette.

void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = (fragCoord - 0.5 * iResolution.xy) / iResolution.y;
    vec2 m = iMouse.xy / max(iResolution.xy, vec2(1.0));
    float t = iTime;
    float s = 0.5 - 0.5 * cos(t * 0.35);
    float scale = mix(2.6, 0.35, s);
    vec2 center = mix(vec2(-0.2, 0.0), vec2(-1.25, 0.08), s) + (m - 0.5) * 0.2;
    float rot = 0.1 * t;
    vec2 c = center + mat2(cos(rot), -sin(rot), sin(rot), cos(rot)) * uv * scale;
    vec2 z = vec2(0.0);
    float n = 0.0;
    float r2 = 0.0;
    bool escaped = false;
    for (int i = 0; i < 100; i++)
    {
        // conjugate before squaring: z -> conj(z)^2 + c
        z = vec2(z.x * z.x - z.y * z.y, -2.0 * z.x * z.y) + c;
        r2 = dot(z, z);
        if (r2 > 400.0) { escaped = true; break; }
        n += 1.0;
    }
    vec3 col;
    if (escaped)
    {
        float sn = n + 1.0 - log2(max(log2(r2) * 0.5, 1e-6));
        float v = sn * 0.06 + 0.08 * t;
        col = 0.5 + 0.5 * cos(6.2831853 * (v + vec3(0.0, 0.1, 0.2)) + vec3(0.0, 1.0, 2.5));
        col *= 0.5 + 0.5 * smoothstep(0.0, 8.0, sn);
        col += 0.15;
    }
    else
    {
        float a = atan(z.y, z.x);
        col = vec3(0.15, 0.05, 0.25) + 0.2 * (0.5 + 0.5 * cos(3.0 * a + vec3(0.0, 2.0, 4.0)));
    }
    fragColor = vec4(clamp(col, 0.0, 1.0), 1.0);
}
