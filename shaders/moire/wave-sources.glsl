// name: wave-sources
// family: moire
// tags: interference, waves, point-sources, ripple-tank
// licence: MIT
// author: shaderbank contributors
// description: Ripple-tank interference of five moving point sources, wave intensity mapped to a deep-sea to gold palette.

void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = (2.0 * fragCoord - iResolution.xy) / iResolution.y;
    vec2 m = iMouse.xy / max(iResolution.xy, vec2(1.0));
    float t = iTime;
    vec2 field = vec2(0.0);
    for (int i = 0; i < 5; i++)
    {
        float fi = float(i);
        vec2 src = 1.1 * vec2(sin(t * (0.21 + 0.05 * fi) + fi * 2.1), cos(t * (0.17 + 0.04 * fi) + fi * 1.3));
        src += (m - 0.5) * 0.5;
        float r = length(uv - src);
        float k = 22.0 + 3.0 * fi;
        float phase = k * r - t * 3.0;
        field += vec2(cos(phase), sin(phase)) / sqrt(0.3 + r);
    }
    float inten = dot(field, field) * 0.12;
    float ph = atan(field.y, field.x);
    vec3 col = mix(vec3(0.02, 0.12, 0.3), vec3(0.1, 0.6, 0.7), smoothstep(0.0, 0.8, inten));
    col = mix(col, vec3(1.0, 0.8, 0.35), smoothstep(0.8, 2.0, inten));
    col += 0.12 * cos(ph + vec3(0.0, 2.1, 4.2));
    fragColor = vec4(clamp(col, 0.0, 1.0), 1.0);
}
