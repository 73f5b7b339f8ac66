// name: fraser-spiral
// family: opart
// tags: op-art, fraser, spiral, illusion, twisted-cord
// licence: MIT
// author: shaderbank contributors
// description: Fraser spiral illusion: concentric rings of slanted twisted-cord segments over a spiralling two-colour checker, read as a spiral though every ring is a circle.

void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = (2.0 * fragCoord - iResolution.xy) / iResolution.y;
    vec2 m = iMouse.xy / max(iResolution.xy, vec2(1.0));
    float t = iTime;
    uv -= (m - 0.5) * 0.4;
    float r = length(uv);
    float a = atan(uv.y, uv.x);
    float lr = log(max(r, 1e-3));

    // spiral checker background
    float twist = 0.8 + 0.5 * sin(t * 0.3);
    float u = a * 6.0 / 3.14159265 + lr * 6.0 * twist - t * 0.8;
    float v = lr * 5.0 - a * 0.5 + t * 0.3;
    float chk = mod(floor(u) + floor(v), 2.0);
    float hue = 0.06 * t;
    vec3 c0 = 0.55 + 0.4 * cos(6.2831853 * (hue + vec3(0.0, 0.33, 0.67)));
    vec3 c1 = 0.5 + 0.4 * cos(6.2831853 * (hue + 0.35 + vec3(0.0, 0.33, 0.67)));
    vec3 col = mix(c0, c1, chk);
    // the log-polar pattern crowds below a pixel near the centre: blend to its average there
    float crowd = smoothstep(0.04, 0.2, r * iResolution.y / 256.0);
    col = mix(0.5 * (c0 + c1), col, crowd);

    // rings of twisted cord: slanted stripes inside thin circular bands
    float ringF = lr * 4.0 + t * 0.15;
    float band = fract(ringF);
    float inRing = smoothstep(0.28, 0.32, band) * smoothstep(0.72, 0.68, band);
    float slant = sin(t * 0.4) > 0.0 ? 1.0 : -1.0;
    float seg = fract(a * 16.0 / 3.14159265 + slant * band * 1.5 + floor(ringF) * 0.5);
    float cord = step(0.5, seg);
    vec3 cordCol = mix(vec3(0.05, 0.03, 0.1), vec3(1.0, 0.97, 0.9), cord);
    col = mix(col, cordCol, inRing * crowd);
    fragColor = vec4(clamp(col, 0.0, 1.0), 1.0);
}
