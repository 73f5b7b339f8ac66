// name: neon-ripple
// family: plasma
// tags: plasma, sine, neon, ripple
// licence: MIT
// author: shaderbank contributors
// description: Sum-of-sines plasma with moving radial ripples drawn as glowing neon contour lines over a deep indigo haze.

vec3 palette(float t, vec3 a, vec3 b, vec3 c, vec3 d)
{
    return a + b * cos(6.28318 * (c * t + d));
}

void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = (2.0 * fragCoord - iResolution.xy) / iResolution.y;
    vec2 m = iMouse.xy / max(iResolution.xy, vec2(1.0));
    float t = iTime * 0.9 + m.x * 3.0;
    uv *= 2.5 + m.y;
    float v = 0.0;
    v += sin(uv.x * 1.3 + t);
    v += sin((uv.y * 1.7 - t * 0.8) * 0.9);
    v += sin((uv.x + uv.y) * 1.1 + t * 1.3);
    vec2 c1 = vec2(sin(t * 0.7), cos(t * 0.5)) * 1.8;
    vec2 c2 = vec2(cos(t * 0.37 + 1.0), sin(t * 0.61)) * 2.2;
    v += sin(length(uv - c1) * 3.0 - t * 2.0);
    v += sin(length(uv - c2) * 2.3 + t * 1.5);
    v *= 0.2;
    vec3 haze = palette(v * 0.5 + t * 0.03, vec3(0.25, 0.12, 0.4), vec3(0.15, 0.1, 0.2), vec3(1.0), vec3(0.0, 0.25, 0.5));
    float k = v * 6.0;
    float line = abs(fract(k) - 0.5) * 2.0;
    float glow = exp(-line * line * 6.0) * 0.6 + exp(-line * line * 60.0);
    vec3 neon = mix(vec3(0.1, 0.95, 1.0), vec3(1.0, 0.2, 0.85), 0.5 + 0.5 * sin(floor(k) * 1.7 + t * 0.5));
    vec3 col = haze + neon * glow;
    fragColor = vec4(col, 1.0);
}
