// name: spiral-arms
// family: kaleido
// tags: kaleidoscope, spiral, polar-fold, log-polar, dots
// licence: MIT
// author: shaderbank contributors
// description: Kaleidoscope with twisted sectors: the mirror angle winds with log-radius into spiral arms, filled with a lattice of dots and bars that stream outward.

void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = (fragCoord - 0.5 * iResolution.xy) / iResolution.y;
    vec2 m = iMouse.xy / max(iResolution.xy, vec2(1.0));
    float t = iTime;
    uv -= (m - 0.5) * 0.3;
    float r = max(length(uv), 1e-4);
    float lr = log(r);
    float twist = 1.2 + 0.8 * sin(t * 0.2);
    float a = atan(uv.y, uv.x) + twist * lr + 0.3 * t;
    float n = 7.0;
    float seg = 6.2831853 / n;
    float k = floor(a / seg);
    float fa = a - k * seg;
    fa = abs(fa - 0.5 * seg);
    // cell lattice in (mirrored angle, log radius) space
    vec2 q = vec2(fa / seg * 2.0, lr * 1.6 - 0.6 * t);
    vec2 cell = floor(q * vec2(2.0, 1.0));
    vec2 f = fract(q * vec2(2.0, 1.0)) - 0.5;
    float dotMask = smoothstep(0.3, 0.25, length(f * vec2(1.0, 1.2)));
    float bar = smoothstep(0.06, 0.03, abs(f.y)) * step(0.5, fract(cell.y * 0.5));
    float h = cell.y * 0.11 + k * 0.0 + cell.x * 0.3;
    vec3 base = 0.5 + 0.45 * cos(6.2831853 * (h + vec3(0.0, 0.33, 0.67) + 0.04 * t));
    vec3 alt = 0.5 + 0.45 * cos(6.2831853 * (h + 0.45 + vec3(0.0, 0.33, 0.67)));
    vec3 col = mix(base * 0.7, alt, dotMask);
    col = mix(col, vec3(1.0, 0.95, 0.85), bar * 0.7);
    col *= 0.7 + 0.3 * smoothstep(0.0, 0.3, fa / seg * 2.0);
    col = mix(vec3(1.0, 0.9, 0.7), col, smoothstep(0.0, 0.08, r));
    fragColor = vec4(clamp(col, 0.0, 1.0), 1.0);
}
