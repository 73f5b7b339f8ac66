// name: threshold-gradient
// family: reaction
// tags: reaction-diffusion, spots, labyrinth, holes, parameter-map
// licence: MIT
// author: shaderbank contributors
// description: One ring-spectrum field cut at a threshold that drifts across the canvas, so spots, labyrinths and holes coexist like a reaction-diffusion parameter map.

float pcgUnit(uint v)
{
    uint h = v * 747796405u + 2891336453u;
    h = ((h >> ((h >> 28u) + 4u)) ^ h) * 277803737u;
    h = (h >> 22u) ^ h;
    return float(h) * (1.0 / 4294967296.0);
}

void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = (fragCoord - 0.5 * iResolution.xy) / iResolution.y;
    vec2 m = iMouse.xy / max(iResolution.xy, vec2(1.0));
    float t = iTime;
    float k0 = 6.2831853 / 0.12;
    vec2 p = uv + vec2(0.03 * t, 0.0) + m;
    float v = 0.0;
    for (int i = 0; i < 10; i++)
    {
        float fi = float(i);
        float a = 6.2831853 * pcgUnit(uint(i) + 40u) + 0.15 * sin(t * 0.3 + fi);
        v += cos(k0 * dot(p, vec2(cos(a), sin(a))) + 6.2831853 * pcgUnit(uint(i) + 90u) + t * 0.5);
    }
    v /= sqrt(5.0);
    float ta = 0.5 * t;
    float thr = 1.1 * sin(dot(uv, vec2(cos(ta), sin(ta))) * 3.5 + t * 0.4);
    float s = smoothstep(thr - 0.1, thr + 0.1, v);
    vec3 hi = 0.55 + 0.45 * cos(6.2831853 * (0.1 * thr + vec3(0.0, 0.33, 0.67) + 0.6));
    vec3 lo = 0.25 + 0.2 * cos(6.2831853 * (0.15 * thr + vec3(0.5, 0.7, 0.9)));
    vec3 col = mix(lo, hi, s);
    col *= 0.85 + 0.15 * smoothstep(0.0, 0.6, abs(v - thr));
    fragColor = vec4(clamp(col, 0.0, 1.0), 1.0);
}
