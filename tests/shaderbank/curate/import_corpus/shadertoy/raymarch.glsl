// A lit sphere over a floor.
float map(vec3 p) { return min(length(p - vec3(0.0, 0.0, 3.0)) - 1.0, p.y + 1.0); }
vec3 normal(vec3 p) {
    vec2 e = vec2(0.001, 0.0);
    return normalize(vec3(map(p + e.xyy) - map(p - e.xyy), map(p + e.yxy) - map(p - e.yxy),
                          map(p + e.yyx) - map(p - e.yyx)));
}
void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 p = (2.0 * fragCoord - iResolution.xy) / iResolution.y;
    vec3 rd = normalize(vec3(p, 1.5)), ro = vec3(0.0);
    float t = 0.0;
    for (int i = 0; i < 64; i++) { float d = map(ro + rd * t); if (d < 0.001) break; t += d; }
    vec3 light = normalize(vec3(sin(iTime), 1.0, -1.0));
    float shade = t < 20.0 ? max(dot(normal(ro + rd * t), light), 0.0) : 0.0;
    fragColor = vec4(vec3(shade) * vec3(1.0, 0.8, 0.6), 1.0);
}
