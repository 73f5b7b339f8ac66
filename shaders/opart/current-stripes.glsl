// name: current-stripes
// family: opart
// tags: op-art, stripes, wave, phase, riley
// licence: MIT
// author: shaderbank contributors
// description: Riley-like wavy parallel stripes whose phase and amplitude ripple across the canvas, stripes alternating through a graded warm-to-cool sequence.

void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = (2.0 * fragCoord - iResolution.xy) / iResolution.y;
    vec2 m = iMouse.xy / max(iResolution.xy, vec2(1.0));
    float t = iTime;
    float amp = 0.12 + 0.08 * sin(uv.y * 1.5 + t * 0.4);
    float wave = amp * sin(uv.y * (6.0 + 2.0 * sin(t * 0.23)) + uv.x * 1.5 + t * 1.1 + m.x * 6.0);
    wave += 0.04 * sin(uv.y * 9.0 - t * 0.7);
    float x = uv.x + wave;
    float pitch = 6.5 + 1.5 * sin(t * 0.15 + m.y * 3.0);
    float s = x * pitch;
    float idx = floor(s);
    float f = fract(s);
    float on = step(0.5, f);
    float grade = 0.5 + 0.5 * sin(idx * 0.35 + t * 0.5);
    vec3 warm = mix(vec3(0.95, 0.3, 0.2), vec3(1.0, 0.8, 0.25), grade);
    vec3 cool = mix(vec3(0.1, 0.2, 0.55), vec3(0.2, 0.7, 0.65), 1.0 - grade);
    vec3 col = mix(cool, warm, on);
    col *= 0.85 + 0.15 * smoothstep(0.0, 0.1, min(f, 1.0 - f)) ;
    fragColor = vec4(clamp(col, 0.0, 1.0), 1.0);
}
