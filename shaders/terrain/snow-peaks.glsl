// name: snow-peaks
// family: terrain
// tags: terrain, mountains, snow, alpine, lakes, raymarch
// licence: MIT
// author: shaderbank contributors
// description: Alpine range from a noise-texture heightfield with snowy peaks, grey rock, green valleys and blue lakes, the light swinging from cool morning to rose evening.

float height(vec2 p)
{
    float n = textureLod(iChannel2, p * 0.035, 0.0).x;
    float r = 1.0 - abs(2.0 * n - 1.0);
    return 4.2 * n * n + 1.2 * r * n - 0.6;
}

void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = (2.0 * fragCoord - iResolution.xy) / iResolution.y;
    vec2 m = iMouse.xy / max(iResolution.xy, vec2(1.0));
    float t = iTime;
    float yaw = 0.25 * t + m.x * 6.2831853;
    vec3 ro = vec3(14.0 * sin(t * 0.05) + t * 1.2, 4.2 + m.y, 10.0 + t * 1.5);
    vec3 fw = normalize(vec3(sin(yaw), -0.28, cos(yaw)));
    vec3 rt = normalize(cross(vec3(0.0, 1.0, 0.0), fw));
    vec3 up = cross(fw, rt);
    vec3 rd = normalize(fw * 1.4 + uv.x * rt + uv.y * up);
    float evening = 0.5 + 0.5 * sin(t * 0.4);
    vec3 sunDir = normalize(vec3(0.8, 0.5 - 0.3 * evening, 0.4));

    vec3 skyLo = mix(vec3(0.8, 0.9, 1.0), vec3(1.0, 0.65, 0.55), evening);
    vec3 skyHi = mix(vec3(0.25, 0.5, 0.95), vec3(0.4, 0.35, 0.75), evening);
    vec3 sky = mix(skyLo, skyHi, smoothstep(-0.05, 0.55, rd.y));
    sky += vec3(1.0, 0.85, 0.6) * pow(max(dot(rd, sunDir), 0.0), 24.0) * 0.7;

    float lake = -0.2;
    float d = 0.0;
    bool hit = false;
    if (rd.y < 0.15)
    {
        for (int i = 0; i < 48; i++)
        {
            vec3 p = ro + rd * d;
            float s = p.y - max(height(p.xz), lake);
            if (s < 0.004 * d) { hit = true; break; }
            d += s * 0.5 + 0.01 * d;
            if (d > 50.0) break;
        }
    }
    vec3 col = sky;
    if (hit)
    {
        vec3 p = ro + rd * d;
        float h0 = height(p.xz);
        if (h0 < lake)
        {
            vec3 water = mix(vec3(0.15, 0.4, 0.65), skyHi, 0.35);
            water += 0.06 * sin(p.x * 1.5 + p.z + t * 2.0);
            col = water;
        }
        else
        {
            float e = 0.08;
            vec3 n = normalize(vec3(h0 - height(p.xz + vec2(e, 0.0)), e, h0 - height(p.xz + vec2(0.0, e))));
            vec3 grass = vec3(0.25, 0.55, 0.25);
            vec3 rock = vec3(0.5, 0.45, 0.45);
            vec3 alb = mix(grass, rock, smoothstep(0.6, 1.4, h0 + 0.5 * (1.0 - n.y)));
            float snow = smoothstep(1.7, 2.1, h0 + 0.8 * n.y);
            alb = mix(alb, vec3(0.95, 0.97, 1.0), snow);
            float dif = max(dot(n, sunDir), 0.0);
            vec3 sunCol = mix(vec3(1.1, 1.05, 0.95), vec3(1.2, 0.7, 0.55), evening);
            col = alb * (dif * sunCol + (0.35 + 0.25 * n.y) * skyHi);
        }
        col = mix(col, skyLo, 1.0 - exp(-0.0007 * d * d));
    }
    fragColor = vec4(clamp(col, 0.0, 1.0), 1.0);
}
