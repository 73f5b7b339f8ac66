// name: oldschool-rgb
// family: plasma
// tags: plasma, demoscene, palette-cycling, rgb, sine
// licence: MIT
// author: shaderbank contributors
// description: Classic demoscene plasma: four summed sine fields pushed through a cycling palette with each colour channel running at its own rate.

void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = (2.0 * fragCoord - iResolution.xy) / iResolution.y;
    vec2 m = iMouse.xy / max(iResolution.xy, vec2(1.0));
    float t = iTime;
    vec2 p = uv * (2.2 + 0.5 * m.y);
    float v = sin(p.x * 1.7 + t * 1.3);
    v += sin(1.3 * (p.x * sin(t * 0.5) + p.y * cos(t * 0.33)) + t);
    vec2 c = p + vec2(1.5 * sin(t * 0.4), 1.5 * cos(t * 0.29));
    v += sin(sqrt(dot(c, c) * 3.0 + 1.0) + t * 1.1);
    v += sin(p.y * 2.1 - t * 0.9 + m.x * 6.0);
    float phase = v * 3.14159265 * 0.5;
    vec3 col = 0.5 + 0.5 * vec3(sin(phase + t * 0.7), sin(phase * 1.3 + 2.0 - t * 0.45), cos(phase * 0.8 + t * 0.3));
    fragColor = vec4(clamp(col, 0.0, 1.0), 1.0);
}
