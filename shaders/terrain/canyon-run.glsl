// name: canyon-run
// family: terrain
// tags: terrain, canyon, river, strata, raymarch
// licence: MIT
// author: shaderbank contributors
// description: Flying down a winding river canyon whose walls are banded in red, ochre and cream sandstone strata, under a narrow strip of sky.

float pathX(float z)
{
    return 2.2 * sin(z * 0.12) + 0.9 * sin(z * 0.31 + 1.0);
}

float canyon(vec2 p)
{
    float dx = abs(p.x - pathX(p.y));
    float walls = 3.2 * smoothstep(0.45, 2.2, dx + 0.25 * sin(p.y * 0.9 + p.x * 0.4));
    float terrace = 0.3 * smoothstep(0.3, 0.7, fract(walls * 0.9));
    return walls + terrace;
}

float canyonDetail(vec2 p)
{
    return canyon(p) + 0.12 * sin(p.x * 1.7) * sin(p.y * 1.3);
}

void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = (2.0 * fragCoord - iResolution.xy) / iResolution.y;
    vec2 m = iMouse.xy / max(iResolution.xy, vec2(1.0));
    float t = iTime;
    float z = t * 2.0 + m.x * 10.0;
    vec3 ro = vec3(pathX(z), 1.0 + 0.5 * sin(t * 0.35) + m.y, z);
    vec3 ta = vec3(pathX(z + 4.0), 0.8, z + 4.0);
    vec3 fw = normalize(ta - ro);
    vec3 rt = normalize(cross(vec3(0.0, 1.0, 0.0), fw));
    vec3 up = cross(fw, rt);
    vec3 rd = normalize(fw * 1.3 + uv.x * rt + uv.y * up);
    vec3 sunDir = normalize(vec3(0.7 * sin(t * 0.2), 0.7, 0.5));

    vec3 sky = mix(vec3(0.95, 0.75, 0.6), vec3(0.3, 0.5, 0.9), smoothstep(0.0, 0.6, rd.y));
    sky += vec3(1.0, 0.85, 0.6) * pow(max(dot(rd, sunDir), 0.0), 12.0) * 0.6;

    float d = 0.05;
    bool hit = false;
    for (int i = 0; i < 44; i++)
    {
        vec3 p = ro + rd * d;
        float s = p.y - canyon(p.xz);
        if (s < 0.003 * d) { hit = true; break; }
        d += s * 0.5 + 0.012 * d;
        if (d > 35.0 || p.y > 4.0) break;
    }
    vec3 col = sky;
    vec3 p = ro + rd * d;
    float water = 0.12;
    if (rd.y < 0.0)
    {
        float dw = (water - ro.y) / rd.y;
        if (dw > 0.0 && (!hit || dw < d) && canyon((ro + rd * dw).xz) < water)
        {
            vec3 pw = ro + rd * dw;
            float ripple = sin(pw.z * 5.0 - t * 4.0 + sin(pw.x * 3.0)) * 0.5 + 0.5;
            vec3 refl = mix(vec3(0.25, 0.55, 0.7), vec3(0.6, 0.8, 0.95), ripple);
            col = mix(refl, sky, 0.3);
            col = mix(col, vec3(0.9, 0.75, 0.6), 1.0 - exp(-0.002 * dw * dw));
            hit = false;
            d = -1.0;
        }
    }
    if (hit)
    {
        float e = 0.03;
        float h0 = canyonDetail(p.xz);
        vec3 n = normalize(vec3(h0 - canyonDetail(p.xz + vec2(e, 0.0)), e, h0 - canyonDetail(p.xz + vec2(0.0, e))));
        float band = p.y * 3.0 + 0.3 * sin(p.z * 0.5 + p.x);
        vec3 strata = 0.6 + 0.3 * cos(6.2831853 * (band * 0.23 + vec3(0.0, 0.12, 0.25)));
        strata *= vec3(1.1, 0.75, 0.55);
        strata *= 0.85 + 0.15 * sin(band * 6.2831853);
        float dif = max(dot(n, sunDir), 0.0);
        float amb = 0.45 + 0.35 * n.y;
        col = strata * (dif * vec3(1.2, 1.0, 0.85) + amb * vec3(0.45, 0.45, 0.6));
        col = mix(col, vec3(0.9, 0.75, 0.6), 1.0 - exp(-0.002 * d * d));
    }
    fragColor = vec4(clamp(col, 0.0, 1.0), 1.0);
}
