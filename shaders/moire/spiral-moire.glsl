// name: spiral-moire
// family: moire
// tags: moire, spiral, archimedean, counter-rotating, beats
// licence: MIT
// author: shaderbank contributors
// description: Two many-armed Archimedean spirals turning in opposite directions about nearby centres, their product beating into curved moire petals coloured by angle.

void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = (2.0 * fragCoord - iResolution.xy) / iResolution.y;
    vec2 m = iMouse.xy / max(iResolution.xy, vec2(1.0));
    float t = iTime;
    vec2 c1 = vec2(0.25 * sin(t * 0.3), 0.2 * cos(t * 0.4)) + (m - 0.5) * 0.3;
    vec2 c2 = -c1 + 0.1 * vec2(cos(t * 0.5), sin(t * 0.7));
    vec2 d1 = uv - c1;
    vec2 d2 = uv - c2;
    float a1 = atan(d1.y, d1.x);
    float a2 = atan(d2.y, d2.x);
    float r1 = length(d1);
    float r2 = length(d2);
    float arms = 12.0;
    float k = 38.0 + 6.0 * sin(t * 0.25);
    float g1 = 0.5 + 0.5 * cos(arms * a1 + k * r1 - t * 1.5);
    float g2 = 0.5 + 0.5 * cos(arms * a2 - (k + 3.0) * r2 + t * 1.1);
    float beat = g1 * g2;
    vec3 hue = 0.55 + 0.45 * cos(6.2831853 * (a1 / 6.2831853 + 0.1 * t + vec3(0.0, 0.33, 0.67)));
    vec3 hue2 = 0.55 + 0.45 * cos(6.2831853 * (a2 / 6.2831853 - 0.07 * t + 0.5 + vec3(0.0, 0.33, 0.67)));
    vec3 col = mix(hue2 * 0.35, hue, beat * 1.6);
    col += 0.25 * hue2 * g2 * (1.0 - g1);
    fragColor = vec4(clamp(col, 0.0, 1.0), 1.0);
}
