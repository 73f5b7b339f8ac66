// name: ridge-layers
// family: terrain
// tags: terrain, mountains, parallax, silhouettes, sunset, 2.5d
// licence: MIT
// author: shaderbank contributors
// description: Seven parallax ranges of mountain silhouettes fading into haze under a banded sunset sky, scrolling at depth-dependent speeds as the sun sets and rises.

float ridge(float x, float seed)
{
    float h = 0.0;
    float a = 0.5;
    float f = 1.0;
    for (int i = 0; i < 4; i++)
    {
        float s = sin(x * f + seed * (3.7 + 2.3 * float(i)));
        h += a * (1.0 - abs(s));
        f *= 2.13;
        a *= 0.47;
    }
    return h;
}

void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = (2.0 * fragCoord - iResolution.xy) / iResolution.y;
    vec2 m = iMouse.xy / max(iResolution.xy, vec2(1.0));
    float t = iTime;
    float sunY = 0.45 * sin(t * 0.45 + 0.6) + 0.15;
    vec2 sunPos = vec2(0.6 * sin(t * 0.2) + (m.x - 0.5) * 0.5, sunY);
    float warmth = smoothstep(-0.2, 0.5, sunY);
    vec3 zenith = mix(vec3(0.22, 0.12, 0.42), vec3(0.25, 0.5, 0.9), warmth);
    vec3 horizon = mix(vec3(0.95, 0.35, 0.3), vec3(1.0, 0.8, 0.5), warmth);
    vec3 col = mix(horizon, zenith, smoothstep(-0.3, 1.0, uv.y));
    float sd = length(uv - sunPos);
    col += vec3(1.0, 0.8, 0.5) * (exp(-sd * 5.0) * 0.5 + smoothstep(0.11, 0.09, sd));

    float tint = 0.5 + 0.5 * sin(t * 0.35 + m.y * 3.0);
    vec3 far = mix(horizon, vec3(0.75, 0.6, 0.9), 0.5);
    vec3 near = mix(vec3(0.22, 0.06, 0.28), vec3(0.04, 0.22, 0.28), tint);
    for (int i = 0; i < 7; i++)
    {
        float fi = float(i);
        float depth = fi / 6.0;
        float x = uv.x * (1.3 - 0.6 * depth) + (t + m.x * 8.0) * (0.08 + 0.4 * depth) + fi * 5.3;
        float h = 0.25 - 0.17 * fi + (0.35 + 0.1 * depth) * ridge(x * 2.6, fi * 1.93 + 0.7);
        float inside = smoothstep(h + 0.008, h - 0.008, uv.y);
        vec3 lc = mix(far, near, depth);
        lc *= 0.92 + 0.1 * smoothstep(0.0, 0.3, h - uv.y);
        lc = mix(lc, horizon, 0.3 * (1.0 - depth) * smoothstep(0.05, 0.4, h - uv.y));
        col = mix(col, lc, inside);
    }
    fragColor = vec4(clamp(col, 0.0, 1.0), 1.0);
}
