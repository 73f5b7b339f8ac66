// name: braided-ribbons
// family: weave
// tags: weave, braid, ribbons, plait, satin
// licence: MIT
// author: shaderbank contributors
// description: Columns of three-strand satin braids plaiting endlessly downward, strands passing over and under with soft shadows on a stitched linen ground.

void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = (2.0 * fragCoord - iResolution.xy) / iResolution.y;
    vec2 m = iMouse.xy / max(iResolution.xy, vec2(1.0));
    float t = iTime;
    float cols = 3.0 + m.x;
    vec2 p = uv * cols * 0.5;
    p.x += 0.25 * t;
    float column = floor(p.x);
    float x = (p.x - column - 0.5) * 2.4;
    float s = p.y * 2.2 + t * (1.6 + 0.3 * sin(column * 1.7)) + column * 2.0;

    float linen = 0.5 + 0.5 * sin(uv.x * 90.0) * sin(uv.y * 90.0);
    vec3 ground = mix(vec3(0.85, 0.8, 0.7), vec3(0.75, 0.7, 0.62), linen);
    ground = mix(ground, 0.5 + 0.3 * cos(6.2831853 * (0.05 * t + vec3(0.1, 0.2, 0.4))), 0.35);
    vec3 col = ground;

    float bestZ = -10.0;
    float shadow = 0.0;
    for (int i = 0; i < 3; i++)
    {
        float ph = s + 2.0943951 * float(i);
        float cx = sin(ph);
        float z = 0.5 * sin(2.0 * ph);
        float slope = cos(ph) * 2.2 / 2.4;
        float dist = abs(x - cx) / sqrt(1.0 + slope * slope);
        float w = 0.36;
        shadow = max(shadow, (1.0 - smoothstep(w, w + 0.25, dist)) * 0.4);
        if (dist < w && z > bestZ)
        {
            bestZ = z;
            float u = dist / w;
            float hue = 0.1 * t + float(i) * 0.33 + column * 0.17 + m.y;
            vec3 rc = 0.55 + 0.45 * cos(6.2831853 * (hue + vec3(0.0, 0.33, 0.67)));
            float sheen = pow(1.0 - u * u, 2.0);
            vec3 c = rc * (0.45 + 0.55 * sqrt(1.0 - u * u)) * (0.75 + 0.25 * z * 2.0);
            c += 0.25 * sheen * sheen * vec3(1.0);
            c *= 1.0 - 0.4 * smoothstep(0.75, 1.0, u);
            float stitch = step(0.5, fract(ph * 3.0)) * smoothstep(0.1, 0.0, abs(u - 0.8));
            col = mix(c, vec3(0.98, 0.95, 0.85), stitch * 0.7);
        }
    }
    if (bestZ < -5.0) col *= 1.0 - shadow;
    fragColor = vec4(clamp(col, 0.0, 1.0), 1.0);
}
