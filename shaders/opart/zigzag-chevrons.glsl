// name: zigzag-chevrons
// family: opart
// tags: op-art, zigzag, chevrons, bands, rainbow
// licence: MIT
// author: shaderbank contributors
// description: Horizontal bands with sharp zigzag edges whose amplitude and phase ripple across the canvas, stepping through a rainbow sequence separated by thin black lines.

void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = (2.0 * fragCoord - iResolution.xy) / iResolution.y;
    vec2 m = iMouse.xy / max(iResolution.xy, vec2(1.0));
    float t = iTime;
    float period = 0.35 + 0.1 * sin(t * 0.2);
    float tri = abs(fract(uv.x / period + 0.2 * t) - 0.5) * 2.0;
    float amp = 0.12 + 0.1 * sin(uv.x * 1.3 - t * 0.7 + m.x * 3.0) * sin(uv.y * 0.9 + t * 0.4);
    float y = uv.y + amp * tri + 0.05 * sin(uv.x * 3.0 + t);
    float bands = 9.0;
    float s = y * bands * 0.5 + t * 0.6;
    float idx = floor(s);
    float f = fract(s);
    vec3 col = 0.55 + 0.45 * cos(6.2831853 * (idx * 0.13 + 0.04 * t + m.y + vec3(0.0, 0.33, 0.67)));
    col *= 0.85 + 0.15 * (1.0 - f);
    float px = bands / iResolution.y * 1.5;
    float edge = min(f, 1.0 - f);
    col = mix(vec3(0.03, 0.02, 0.06), col, smoothstep(0.06, 0.06 + px, edge));
    fragColor = vec4(clamp(col, 0.0, 1.0), 1.0);
}
