// name: mandala-rings
// family: kaleido
// tags: kaleidoscope, mandala, polar, rings, infinite-zoom
// licence: MIT
// author: shaderbank contributors
// description: Endlessly zooming log-polar mandala of petal rings, each ring with its own petal count, palette and counter-rotation.

void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = (2.0 * fragCoord - iResolution.xy) / iResolution.y;
    vec2 m = iMouse.xy / max(iResolution.xy, vec2(1.0));
    float t = iTime;
    uv -= (m - 0.5) * 0.5;
    float r = max(length(uv), 1e-4);
    float a = atan(uv.y, uv.x);
    float lr = log(r) * 2.2 - t * 0.5;
    float ring = floor(lr);
    float fr = lr - ring;

    float n = 6.0 + 2.0 * mod(ring, 5.0);
    float spin = t * 0.2 * (mod(ring, 2.0) * 2.0 - 1.0);
    float sa = (a + spin) * n / 6.2831853;
    float fa = fract(sa) - 0.5;

    // petal: pointed lens shape in (angle, radius) cell coordinates
    float petal = abs(fa) * 2.0 - sin(fr * 3.1415927) * 0.9;
    float inner = abs(fa) * 2.0 - sin(fr * 3.1415927) * 0.45;

    vec3 c0 = 0.55 + 0.45 * cos(6.2831853 * (ring * 0.17 + vec3(0.0, 0.33, 0.67)));
    vec3 c1 = 0.55 + 0.45 * cos(6.2831853 * (ring * 0.17 + 0.45 + vec3(0.0, 0.33, 0.67)));
    vec3 col = c1 * 0.35 + 0.2 * vec3(0.2, 0.1, 0.3);
    col = mix(col, c0, smoothstep(0.03, -0.03, petal));
    col = mix(col, c1 * 1.1 + 0.1, smoothstep(0.03, -0.03, inner));
    float dots = length(vec2(fa * 2.0, (fr - 0.5) * 1.5));
    col = mix(col, vec3(1.0, 0.95, 0.8), smoothstep(0.14, 0.1, dots) * step(0.0, petal - 0.05));
    col *= 0.8 + 0.2 * sin(fr * 3.1415927);
    fragColor = vec4(clamp(col, 0.0, 1.0), 1.0);
}
