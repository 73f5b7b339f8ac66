// name: terrace-voxels
// family: terrain
// tags: terrain, terraces, voxels, stepped, fields, raymarch
// licence: MIT
// author: shaderbank contributors
// description: Stepped hillside terraces of flat-topped blocks, each level a field of a different crop colour, seen from a slowly circling camera in hazy morning light.

float hills(vec2 p)
{
    return 1.5 + 1.7 * sin(p.x * 0.23) * sin(p.y * 0.19 + 1.0) + 0.7 * sin(p.x * 0.5 + p.y * 0.37);
}

float terraces(vec2 p)
{
    return floor(hills(p) * 2.5) / 2.5;
}

void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = (2.0 * fragCoord - iResolution.xy) / iResolution.y;
    vec2 m = iMouse.xy / max(iResolution.xy, vec2(1.0));
    float t = iTime;
    float a = t * 0.18 + m.x * 6.2831853;
    vec3 target = vec3(t * 0.8, 1.2, t * 0.5);
    vec3 ro = target + vec3(9.0 * sin(a), 4.6 + 1.0 * sin(t * 0.3) + m.y * 2.0, 9.0 * cos(a));
    vec3 fw = normalize(target - ro);
    vec3 rt = normalize(cross(vec3(0.0, 1.0, 0.0), fw));
    vec3 up = cross(fw, rt);
    vec3 rd = normalize(fw * 1.6 + uv.x * rt + uv.y * up);
    vec3 sunDir = normalize(vec3(0.6, 0.55, 0.3 + 0.5 * sin(t * 0.25)));

    vec3 sky = mix(vec3(1.0, 0.85, 0.75), vec3(0.45, 0.65, 0.95), smoothstep(-0.1, 0.5, rd.y));
    vec3 col = sky;

    // fixed-fraction steps through the stepped heightfield, then a short bisection
    float d = max((4.0 - ro.y) / min(rd.y, -1e-3), 0.0);
    float prev = d;
    bool hit = false;
    for (int i = 0; i < 48; i++)
    {
        vec3 p = ro + rd * d;
        if (p.y < terraces(p.xz)) { hit = true; break; }
        prev = d;
        d += 0.12 + 0.02 * d;
        if (d > 40.0) break;
    }
    if (hit && rd.y < 0.0)
    {
        float lo = prev;
        float hi = d;
        for (int k = 0; k < 6; k++)
        {
            float mid = 0.5 * (lo + hi);
            vec3 p = ro + rd * mid;
            if (p.y < terraces(p.xz)) hi = mid; else lo = mid;
        }
        d = hi;
        vec3 p = ro + rd * d;
        float level = terraces(p.xz);
        vec3 n = vec3(0.0, 1.0, 0.0);
        float side = level - p.y;
        if (side > 0.02)
        {
            float e = 0.05;
            vec2 g = vec2(hills(p.xz + vec2(e, 0.0)) - hills(p.xz - vec2(e, 0.0)), hills(p.xz + vec2(0.0, e)) - hills(p.xz - vec2(0.0, e)));
            n = normalize(vec3(-g.x, 0.0, -g.y) + vec3(0.0, 1e-4, 0.0));
        }
        float lvl = level * 2.5;
        float sel = fract(lvl * 0.382 + 0.04 * t);
        vec3 crop = sel < 0.25 ? vec3(0.35, 0.75, 0.25) : (sel < 0.5 ? vec3(0.95, 0.8, 0.25) : (sel < 0.75 ? vec3(0.2, 0.55, 0.35) : vec3(0.85, 0.45, 0.55)));
        float rows = 0.5 + 0.5 * sin((p.x * 0.7 + p.z) * 3.0);
        crop *= 0.9 + 0.1 * rows;
        vec3 alb = side > 0.02 ? vec3(0.6, 0.42, 0.3) : crop;
        float dif = max(dot(n, sunDir), 0.0);
        col = alb * (0.35 + 0.85 * dif);
        float rim = smoothstep(0.06, 0.0, abs(side));
        col = mix(col, col * 1.2, rim);
        col = mix(col, sky, 1.0 - exp(-0.0015 * d * d));
    }
    fragColor = vec4(clamp(col, 0.0, 1.0), 1.0);
}
