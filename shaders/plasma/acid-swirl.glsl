// name: acid-swirl
// family: plasma
// tags: plasma, swirl, twist, psychedelic, sine
// licence: MIT
// author: shaderbank contributors
// description: Sine plasma fed through an iterated twist so the bands curl into swirls, in a hot acid palette of lime, magenta and cyan.

void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = (2.0 * fragCoord - iResolution.xy) / iResolution.y;
    vec2 m = iMouse.xy / max(iResolution.xy, vec2(1.0));
    float t = iTime * 0.6 + m.x * 4.0;
    vec2 p = uv * (1.6 + m.y);
    for (int i = 0; i < 4; i++)
    {
        float fi = float(i) + 1.0;
        p += 0.6 / fi * vec2(sin(fi * p.y + t + 0.3 * fi), cos(fi * p.x - t * 0.8 + 1.7 * fi));
        float r = length(p);
        float tw = 0.5 * sin(t * 0.5 + fi) / (1.0 + r * r);
        p = mat2(cos(tw), -sin(tw), sin(tw), cos(tw)) * p;
    }
    float v = sin(p.x * 2.0) + sin(p.y * 2.0) + sin((p.x + p.y) * 1.3 + t);
    v = v / 3.0;
    float w = 0.5 + 0.5 * sin(v * 7.0 + t);
    vec3 lime = vec3(0.65, 1.0, 0.1);
    vec3 magenta = vec3(0.95, 0.1, 0.65);
    vec3 cyan = vec3(0.1, 0.85, 0.95);
    vec3 col = mix(magenta, lime, smoothstep(0.2, 0.8, w));
    col = mix(col, cyan, smoothstep(0.3, 0.9, 0.5 + 0.5 * sin(p.x * 1.5 - p.y + t * 0.7)) * 0.7);
    col *= 0.65 + 0.35 * w;
    fragColor = vec4(clamp(col, 0.0, 1.0), 1.0);
}
