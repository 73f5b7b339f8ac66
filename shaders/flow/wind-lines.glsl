// name: wind-lines
// family: flow
// tags: flow, streamlines, vortices, stream-function, weather-map
// licence: MIT
// author: shaderbank contributors
// description: Streamlines of wandering point vortices in a uniform wind, drawn from the stream function over a speed-coloured weather-map ground.

void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = (2.0 * fragCoord - iResolution.xy) / iResolution.y;
    vec2 m = iMouse.xy / max(iResolution.xy, vec2(1.0));
    float t = iTime;
    float windAng = 0.3 * sin(t * 0.2) + m.x * 3.0;
    vec2 wind = vec2(cos(windAng), sin(windAng)) * 0.6;
    float psi = wind.x * uv.y - wind.y * uv.x;
    vec2 grad = vec2(-wind.y, wind.x);
    for (int i = 0; i < 5; i++)
    {
        float fi = float(i);
        vec2 c = vec2(1.3 * sin(t * (0.23 + 0.04 * fi) + fi * 2.4),
                      0.9 * cos(t * (0.19 + 0.05 * fi) + fi * 1.1));
        float gamma = (mod(fi, 2.0) * 2.0 - 1.0) * (0.25 + 0.08 * fi);
        vec2 d = uv - c;
        float r2 = dot(d, d) + 0.004;
        psi += gamma * 0.5 * log(r2);
        grad += gamma * d / r2;
    }
    float speed = length(grad);
    float lines = abs(fract(psi * 9.0 + 0.0) - 0.5) * 2.0;
    float lineMask = smoothstep(0.25, 0.0, lines);

    vec3 slow = vec3(0.15, 0.35, 0.7);
    vec3 mid = vec3(0.2, 0.75, 0.55);
    vec3 fast = vec3(0.98, 0.85, 0.3);
    vec3 hot = vec3(0.95, 0.3, 0.25);
    float s = 1.0 - exp(-speed * 0.6);
    vec3 ground = mix(slow, mid, smoothstep(0.2, 0.5, s));
    ground = mix(ground, fast, smoothstep(0.5, 0.75, s));
    ground = mix(ground, hot, smoothstep(0.75, 0.95, s));
    float dash = 0.6 + 0.4 * sin(dot(uv, normalize(vec2(grad.y, -grad.x) + 1e-5)) * 40.0 - t * 6.0);
    vec3 col = mix(ground, vec3(1.0), lineMask * 0.75 * dash);
    col = mix(col, ground * 0.4, smoothstep(0.9, 1.0, lines) * 0.5);
    fragColor = vec4(clamp(col, 0.0, 1.0), 1.0);
}
