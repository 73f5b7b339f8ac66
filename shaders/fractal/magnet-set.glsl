// name: magnet-set
// family: fractal
// tags: fractal, magnet, rational-map, escape-time, convergence
// licence: MIT
// author: shaderbank contributors
// description: Magnet type-I fractal z' = ((z^2 + c - 1) / (2z + c - 2))^2: escaping points coloured by smooth count, points settling on the fixed point 1 by convergence speed.

vec2 cmul(vec2 a, vec2 b)
{
    return vec2(a.x * b.x - a.y * b.y, a.x * b.y + a.y * b.x);
}

vec2 cdiv(vec2 a, vec2 b)
{
    float d = max(dot(b, b), 1e-12);
    return vec2(a.x * b.x + a.y * b.y, a.y * b.x - a.x * b.y) / d;
}

void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = (fragCoord - 0.5 * iResolution.xy) / iResolution.y;
    vec2 m = iMouse.xy / max(iResolution.xy, vec2(1.0));
    float t = iTime;
    float s = 0.5 - 0.5 * cos(t * 0.3);
    float scale = mix(5.0, 1.8, s);
    vec2 center = mix(vec2(1.4, 0.0), vec2(1.05 + 0.2 * sin(t * 0.17), 0.75), s) + (m - 0.5) * 0.3;
    vec2 c = center + vec2(uv.x, uv.y) * scale;
    vec2 z = vec2(0.0);
    float n = 0.0;
    float r2 = 0.0;
    int state = 0;
    for (int i = 0; i < 64; i++)
    {
        vec2 num = cmul(z, z) + c - vec2(1.0, 0.0);
        vec2 den = 2.0 * z + c - vec2(2.0, 0.0);
        vec2 q = cdiv(num, den);
        z = cmul(q, q);
        r2 = dot(z, z);
        if (r2 > 1e4) { state = 1; break; }
        if (dot(z - vec2(1.0, 0.0), z - vec2(1.0, 0.0)) < 1e-4) { state = 2; break; }
        n += 1.0;
    }
    vec3 col;
    if (state == 1)
    {
        float sn = n - log2(max(log2(r2) / log2(1e4), 1e-6));
        col = 0.5 + 0.5 * cos(0.3 * sn + vec3(0.0, 0.6, 1.2) + 0.2 * t);
        col = col * 0.8 + 0.15;
    }
    else if (state == 2)
    {
        col = 0.6 + 0.4 * cos(0.25 * n + vec3(3.5, 2.5, 1.5) - 0.15 * t);
    }
    else
    {
        col = vec3(0.45, 0.35, 0.55) + 0.25 * cos(atan(z.y, z.x) + vec3(0.0, 2.0, 4.0));
    }
    fragColor = vec4(clamp(col, 0.0, 1.0), 1.0);
}
