// name: contour-beat
// family: moire
// tags: moire, contours, level-sets, topographic, difference
// licence: MIT
// author: shaderbank contributors
// description: Dense contour lines of two drifting hill landscapes laid over each other, the moire between them tracing the slow contours of their difference in teal and amber.

float hills(vec2 p, float t, float seed)
{
    float h = 0.0;
    for (int i = 0; i < 4; i++)
    {
        float fi = float(i) + seed;
        vec2 c = 0.9 * vec2(sin(t * (0.21 + 0.05 * fi) + fi * 2.4), cos(t * (0.17 + 0.04 * fi) + fi * 1.3));
        vec2 d = p - c;
        h += exp(-dot(d, d) * 1.8) * (i % 2 == 0 ? 1.0 : -0.8);
    }
    return h;
}

void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = (2.0 * fragCoord - iResolution.xy) / iResolution.y;
    vec2 m = iMouse.xy / max(iResolution.xy, vec2(1.0));
    float t = iTime;
    float h1 = hills(uv, t, 0.0) + 0.5 * uv.x + m.x;
    float h2 = hills(uv * 1.05 + 0.05, t * 0.9 + 1.0, 0.5) + 0.5 * uv.x + m.x;
    float k = 38.0;
    float l1 = 0.5 + 0.5 * cos(h1 * k);
    float l2 = 0.5 + 0.5 * cos(h2 * k);
    float beat = l1 * l2;
    vec3 teal = vec3(0.05, 0.55, 0.6);
    vec3 amber = vec3(1.0, 0.7, 0.2);
    vec3 ink = vec3(0.1, 0.08, 0.2);
    float diff = h1 - h2;
    vec3 tint = 0.55 + 0.45 * cos(6.2831853 * (diff * 0.8 + 0.05 * t + vec3(0.0, 0.33, 0.67)));
    vec3 col = mix(ink, mix(teal, amber, l1), smoothstep(0.05, 0.6, beat));
    col = mix(col, tint, 0.3 * (1.0 - beat));
    fragColor = vec4(clamp(col, 0.0, 1.0), 1.0);
}
