// name: multibrot-morph
// family: fractal
// tags: fractal, multibrot, power, escape-time, morph
// licence: MIT
// author: shaderbank contributors
// description: Multibrot set z^d + c with the exponent d gliding from 2 to 6 over time (fractional powers in polar form), smooth escape colouring in jewel tones.

void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = (fragCoord - 0.5 * iResolution.xy) / iResolution.y;
    vec2 m = iMouse.xy / max(iResolution.xy, vec2(1.0));
    float t = iTime;
    float d = 4.0 - 2.0 * cos(t * 0.35 + m.x * 3.0);
    float rot = 0.08 * t;
    vec2 c = mat2(cos(rot), -sin(rot), sin(rot), cos(rot)) * uv * 3.1 + (m - 0.5) * 0.3;
    vec2 z = c;
    float n = 0.0;
    float r2 = dot(z, z);
    bool escaped = false;
    for (int i = 0; i < 40; i++)
    {
        float a = atan(z.y, z.x) * d;
        z = pow(max(r2, 1e-20), 0.5 * d) * vec2(cos(a), sin(a)) + c;
        r2 = dot(z, z);
        if (r2 > 1e4) { escaped = true; break; }
        n += 1.0;
    }
    vec3 col;
    if (escaped)
    {
        float sn = n + 1.0 - log(max(log(r2) * 0.5 / log(100.0), 1e-6)) / log(d);
        float v = sn * 0.09;
        col = 0.5 + 0.5 * cos(6.2831853 * (v + vec3(0.55, 0.7, 0.9) + 0.04 * t));
        col *= 0.45 + 0.55 * smoothstep(0.0, 4.0, sn);
        col += 0.1;
    }
    else
    {
        col = mix(vec3(0.1, 0.05, 0.2), vec3(0.85, 0.65, 0.25), clamp(r2, 0.0, 1.0));
    }
    fragColor = vec4(clamp(col, 0.0, 1.0), 1.0);
}
