// name: mandel-stripes
// family: fractal
// tags: fractal, mandelbrot, stripe-average, zoom, escape-time
// licence: MIT
// author: shaderbank contributors
// description: Mandelbrot set breathing in and out of a spiral Misiurewicz region, smooth-iteration hues modulated by stripe-average colouring.

void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = (2.0 * fragCoord - iResolution.xy) / iResolution.y;
    vec2 m = iMouse.xy / max(iResolution.xy, vec2(1.0));
    float t = iTime;
    float scale = 0.0007 * pow(30.0, 0.5 + 0.5 * cos(t * 0.4));
    float rot = 0.15 * t + m.x * 3.0;
    vec2 target = vec2(-0.77568377, 0.13646737) + (m - 0.5) * 0.001;
    vec2 c = target + mat2(cos(rot), -sin(rot), sin(rot), cos(rot)) * uv * scale;

    vec2 z = vec2(0.0);
    float acc = 0.0;
    float prevAcc = 0.0;
    float n = 0.0;
    float r2 = 0.0;
    float trap = 1e9;
    bool escaped = false;
    for (int i = 0; i < 128; i++)
    {
        z = vec2(z.x * z.x - z.y * z.y, 2.0 * z.x * z.y) + c;
        r2 = dot(z, z);
        if (r2 > 1e4) { escaped = true; break; }
        trap = min(trap, r2);
        vec2 w = vec2(z.x * z.x - z.y * z.y, 2.0 * z.x * z.y);
        w = vec2(w.x * w.x - w.y * w.y, 2.0 * w.x * w.y);
        float s = 0.5 + 0.5 * w.y / max(dot(w, w), 1e-20) * sqrt(max(dot(w, w), 0.0));
        prevAcc = acc;
        acc += s;
        n += 1.0;
    }

    vec3 col;
    if (escaped && n > 1.0)
    {
        float frac = 1.0 - log2(max(log2(r2) / log2(1e4), 1e-6));
        float a1 = acc / n;
        float a0 = prevAcc / max(n - 1.0, 1.0);
        float v = mix(a0, a1, clamp(frac, 0.0, 1.0));
        v = clamp((v - 0.5) * 2.5 + 0.5, 0.0, 1.0);
        float sn = n + frac;
        float hue = sqrt(sn) * 0.45 + 0.04 * t;
        col = 0.5 + 0.5 * cos(6.2831853 * (hue + vec3(0.0, 0.15, 0.4)));
        col = mix(col, vec3(1.0, 0.45, 0.35), 0.25);
        col *= 0.65 + 0.6 * v;
    }
    else
    {
        float tr = sqrt(sqrt(trap));
        col = mix(vec3(0.1, 0.12, 0.4), vec3(0.95, 0.55, 0.45), smoothstep(0.1, 0.9, tr));
        col *= 0.8 + 0.2 * cos(tr * 25.0 - t);
    }
    fragColor = vec4(clamp(col, 0.0, 1.0), 1.0);
}
