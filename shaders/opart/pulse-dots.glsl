// name: pulse-dots
// family: opart
// tags: op-art, dots, halftone, hexagonal, pulse, morph
// licence: MIT
// author: shaderbank contributors
// description: A hexagonal grid of dots swelling and shrinking under two interfering travelling waves, each dot morphing between circle and rounded square and swapping figure and ground colours.

vec4 hexCell(vec2 p)
{
    vec2 s = vec2(1.0, 1.7320508);
    vec2 a = mod(p, s) - 0.5 * s;
    vec2 b = mod(p - 0.5 * s, s) - 0.5 * s;
    vec2 l = dot(a, a) < dot(b, b) ? a : b;
    return vec4(l, p - l);
}

void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = (2.0 * fragCoord - iResolution.xy) / iResolution.y;
    vec2 m = iMouse.xy / max(iResolution.xy, vec2(1.0));
    float t = iTime;
    float scale = 7.0;
    float px = scale * 2.0 / iResolution.y;
    vec2 p = uv * scale;
    vec4 h = hexCell(p);
    vec2 c = h.zw / scale;
    vec2 s1 = vec2(0.8 * sin(t * 0.3), 0.5 * cos(t * 0.4)) + (m - 0.5);
    vec2 s2 = vec2(-0.7 * cos(t * 0.25), 0.6 * sin(t * 0.35));
    float w = sin(length(c - s1) * 7.0 - t * 2.5) + sin(length(c - s2) * 5.0 - t * 1.8);
    float size = 0.1 + 0.36 * (0.5 + 0.25 * w);
    float n = 2.0 + 3.0 * (0.5 + 0.5 * sin(t * 0.6 + c.x * 2.0));
    vec2 q = abs(h.xy);
    float d = pow(pow(q.x, n) + pow(q.y, n), 1.0 / n) - size;

    float swap = step(0.0, sin(t * 0.5 + c.y * 1.5));
    float hue = 0.08 * t + c.x * 0.15;
    vec3 fig = 0.55 + 0.45 * cos(6.2831853 * (hue + vec3(0.0, 0.33, 0.67)));
    vec3 gnd = mix(vec3(0.08, 0.05, 0.15), vec3(0.97, 0.95, 0.9), swap);
    fig = mix(fig, vec3(0.1, 0.05, 0.2), swap * 0.6);
    vec3 col = mix(fig, gnd, smoothstep(-px, px, d));
    fragColor = vec4(clamp(col, 0.0, 1.0), 1.0);
}
