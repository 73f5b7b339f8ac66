// name: grating-shift
// family: moire
// tags: moire, gratings, lines, rotation, beats
// licence: MIT
// author: shaderbank contributors
// description: Overlaid straight-line gratings slowly rotating against a warped copy, producing large drifting moire beat fringes in cyan, magenta and yellow.

float grating(vec2 p, float ang, float freq)
{
    vec2 dir = vec2(cos(ang), sin(ang));
    return smoothstep(-0.25, 0.25, sin(dot(p, dir) * freq));
}

void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = (2.0 * fragCoord - iResolution.xy) / iResolution.y;
    vec2 m = iMouse.xy / max(iResolution.xy, vec2(1.0));
    float t = iTime;
    float base = 0.3 * t + m.x * 3.0;
    float freq = 48.0;
    vec2 warped = uv + 0.05 * vec2(sin(uv.y * 2.0 + t), cos(uv.x * 2.0 - t * 0.7));
    float g0 = grating(uv, base, freq);
    float gc = grating(warped, base + 0.06 + 0.04 * sin(t * 0.5), freq);
    float gm = grating(uv * (1.0 + 0.04 * sin(t * 0.3)), base + 1.2, freq * 0.9);
    float gy = grating(warped, base + 1.25 + 0.05 * cos(t * 0.4), freq * 0.9);
    vec3 col = vec3(1.0);
    col *= mix(vec3(1.0), vec3(0.0, 0.75, 0.9), g0 * gc);
    col *= mix(vec3(1.0), vec3(0.95, 0.1, 0.7), gm * gy);
    col *= mix(vec3(1.0), vec3(1.0, 0.9, 0.2), 0.6 * (1.0 - g0) * (1.0 - gm));
    fragColor = vec4(clamp(col, 0.0, 1.0), 1.0);
}
