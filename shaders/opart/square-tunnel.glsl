// name: square-tunnel
// family: opart
// tags: op-art, concentric, squares, twist, tunnel
// licence: MIT
// author: shaderbank contributors
// description: Concentric squares receding in a twisting tunnel, alternate rings in black-violet and hot colours that scroll inward over time.

void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = (2.0 * fragCoord - iResolution.xy) / iResolution.y;
    vec2 m = iMouse.xy / max(iResolution.xy, vec2(1.0));
    float t = iTime;
    uv -= (m - 0.5) * 0.6;
    float r0 = max(abs(uv.x), abs(uv.y));
    float depth = 1.0 / max(r0, 0.02);
    float twist = depth * (0.15 + 0.1 * sin(t * 0.3)) + t * 0.2;
    vec2 p = mat2(cos(twist), -sin(twist), sin(twist), cos(twist)) * uv;
    float r = max(abs(p.x), abs(p.y));
    float z = log(max(r, 1e-3)) * 4.0 + t * 1.2;
    float ring = floor(z);
    float f = fract(z);
    float alt = mod(ring, 2.0);
    vec3 hot = 0.55 + 0.45 * cos(6.2831853 * (ring * 0.11 + t * 0.05 + vec3(0.0, 0.28, 0.6)));
    vec3 dark = vec3(0.18, 0.1, 0.3);
    vec3 col = mix(dark, hot, alt);
    float diag = abs(abs(p.x) - abs(p.y));
    col *= 0.75 + 0.25 * smoothstep(0.0, 0.08, diag);
    col = mix(col, vec3(1.0), smoothstep(0.06, 0.0, abs(f - 0.5) - 0.44) * 0.3);
    col = mix(col, vec3(0.9, 0.85, 1.0), smoothstep(0.08, 0.0, r0) * 0.8);
    fragColor = vec4(clamp(col, 0.0, 1.0), 1.0);
}
