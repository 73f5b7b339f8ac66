// name: dune-sea
// family: terrain
// tags: terrain, dunes, desert, raymarch, heightfield
// licence: MIT
// author: shaderbank contributors
// description: Low flight over a sea of sharp-crested sand dunes, warm sunlit faces against blue-violet shadows under a shifting desert sky.

float dunes(vec2 p)
{
    float w = p.x * 0.45 + 0.9 * sin(p.y * 0.3 + p.x * 0.1);
    float a = 1.0 - abs(sin(w));
    float b = 1.0 - abs(sin(p.x * 0.5 - p.y * 0.7 + w * 0.3));
    return 1.1 * a * a + 0.3 * b * b;
}

void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = (2.0 * fragCoord - iResolution.xy) / iResolution.y;
    vec2 m = iMouse.xy / max(iResolution.xy, vec2(1.0));
    float t = iTime;
    vec3 ro = vec3(2.0 * sin(t * 0.2), 2.1 + 0.3 * sin(t * 0.4), t * 1.8);
    float yaw = 0.5 * sin(t * 0.17) + (m.x - 0.5) * 2.0;
    vec3 fw = normalize(vec3(sin(yaw), -0.22 - 0.2 * m.y, cos(yaw)));
    vec3 rt = normalize(cross(vec3(0.0, 1.0, 0.0), fw));
    vec3 up = cross(fw, rt);
    vec3 rd = normalize(fw * 1.5 + uv.x * rt + uv.y * up);
    float sunA = t * 0.25;
    vec3 sunDir = normalize(vec3(cos(sunA), 0.35 + 0.15 * sin(t * 0.3), sin(sunA)));

    float dusk = 0.5 + 0.5 * sin(t * 0.3);
    vec3 sky = mix(vec3(1.0, 0.7, 0.5), vec3(0.35, 0.55, 0.95), smoothstep(-0.05, 0.5, rd.y));
    sky = mix(sky, mix(vec3(0.95, 0.45, 0.4), vec3(0.45, 0.3, 0.7), smoothstep(-0.05, 0.5, rd.y)), dusk * 0.6);
    sky += vec3(1.0, 0.8, 0.5) * pow(max(dot(rd, sunDir), 0.0), 16.0) * 0.8;

    float d = 0.0;
    bool hit = false;
    if (rd.y < 0.1)
    {
        d = max((1.5 - ro.y) / min(rd.y, -1e-3), 0.0);
        for (int i = 0; i < 38; i++)
        {
            vec3 p = ro + rd * d;
            float s = p.y - dunes(p.xz);
            if (s < 0.002 * d) { hit = true; break; }
            d += s * 0.65 + 0.004 * d;
            if (d > 45.0) break;
        }
    }
    vec3 col = sky;
    if (hit)
    {
        vec3 p = ro + rd * d;
        float e = 0.02;
        float h0 = dunes(p.xz);
        vec3 n = normalize(vec3(h0 - dunes(p.xz + vec2(e, 0.0)), e, h0 - dunes(p.xz + vec2(0.0, e))));
        float dif = max(dot(n, sunDir), 0.0);
        vec3 sand = mix(vec3(0.95, 0.6, 0.35), vec3(1.0, 0.78, 0.5), smoothstep(0.2, 1.2, h0));
        sand = mix(sand, vec3(0.9, 0.45, 0.4), dusk * 0.4);
        vec3 shadow = mix(vec3(0.35, 0.3, 0.6), vec3(0.5, 0.35, 0.55), dusk);
        col = sand * (0.25 + 1.0 * dif) + shadow * (1.0 - dif) * 0.5;
        float ripple = sin(dot(p.xz, vec2(6.0, 4.0)) + 2.0 * sin(p.x));
        col *= 0.95 + 0.05 * ripple;
        col = mix(col, sky, 1.0 - exp(-0.0009 * d * d));
    }
    fragColor = vec4(clamp(col, 0.0, 1.0), 1.0);
}
