// name: ship-trap
// family: fractal
// tags: fractal, burning-ship, orbit-trap, escape-time
// licence: MIT
// author: shaderbank contributors
// description: Burning Ship fractal coloured by a wandering point-and-line orbit trap, breathing zoom near the tiny ship.

void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = (2.0 * fragCoord - iResolution.xy) / iResolution.y;
    vec2 m = iMouse.xy / max(iResolution.xy, vec2(1.0));
    float t = iTime;
    float s = 0.5 + 0.5 * cos(t * 0.33);
    float scale = mix(0.045, 0.9, s * s);
    vec2 center = mix(vec2(-1.755, -0.03), vec2(-0.6, -0.45), s * s) + (m - 0.5) * 0.05;
    vec2 c = center + vec2(uv.x, -uv.y) * scale;

    vec2 trapP = 0.6 * vec2(cos(t * 0.8), sin(t * 0.55));
    float trapLine = 0.5 * sin(t * 0.45);
    vec2 z = vec2(0.0);
    float dPoint = 1e9;
    float dLine = 1e9;
    float n = 0.0;
    for (int i = 0; i < 80; i++)
    {
        z = abs(z);
        z = vec2(z.x * z.x - z.y * z.y, 2.0 * z.x * z.y) + c;
        float r2 = dot(z, z);
        if (r2 > 64.0) break;
        dPoint = min(dPoint, length(z - trapP));
        dLine = min(dLine, abs(z.y - trapLine + 0.3 * z.x));
        n += 1.0;
    }

    float fp = exp(-3.0 * dPoint);
    float fl = exp(-8.0 * dLine);
    vec3 col = vec3(0.10, 0.05, 0.20);
    col = mix(col, vec3(1.0, 0.45, 0.1), clamp(fp * 1.3, 0.0, 1.0));
    col = mix(col, vec3(0.2, 0.85, 0.9), clamp(fl, 0.0, 1.0) * 0.8);
    col += 0.35 * (0.5 + 0.5 * cos(6.2831853 * (n / 80.0 * 3.0 + vec3(0.6, 0.8, 0.0))));
    fragColor = vec4(clamp(col, 0.0, 1.0), 1.0);
}
