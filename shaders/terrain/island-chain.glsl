// name: island-chain
// family: terrain
// tags: terrain, islands, sea, tropical, raymarch
// licence: MIT
// author: shaderbank contributors
// description: Gliding over green tropical islands with sandy beaches set in a turquoise lagoon that deepens to navy, puffy clouds drifting in a bright sky.

float island(vec2 p)
{
    float a = sin(p.x * 0.33) * sin(p.y * 0.29 + sin(p.x * 0.21));
    float b = sin(p.x * 0.9 + p.y * 0.7) * sin(p.y * 1.1 - p.x * 0.4);
    return 2.2 * (a - 0.25) + 0.35 * b;
}

void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = (2.0 * fragCoord - iResolution.xy) / iResolution.y;
    vec2 m = iMouse.xy / max(iResolution.xy, vec2(1.0));
    float t = iTime;
    float yaw = 0.4 * t * 0.3 + (m.x - 0.5) * 2.0;
    vec3 ro = vec3(3.0 * sin(t * 0.15), 2.6 + 0.6 * sin(t * 0.3) + m.y, t * 1.7);
    vec3 fw = normalize(vec3(sin(yaw), -0.35, cos(yaw)));
    vec3 rt = normalize(cross(vec3(0.0, 1.0, 0.0), fw));
    vec3 up = cross(fw, rt);
    vec3 rd = normalize(fw * 1.4 + uv.x * rt + uv.y * up);
    vec3 sunDir = normalize(vec3(0.5 * cos(t * 0.2), 0.6, 0.6));

    vec3 sky = mix(vec3(0.75, 0.88, 1.0), vec3(0.2, 0.5, 0.95), smoothstep(0.0, 0.6, rd.y));
    if (rd.y > 0.0)
    {
        vec2 cp = rd.xz / (rd.y + 0.15) * 1.5 + vec2(t * 0.2, t * 0.05);
        float cloud = sin(cp.x) * sin(cp.y * 1.3) + 0.5 * sin(cp.x * 2.3 + cp.y * 1.7);
        sky = mix(sky, vec3(1.0, 0.97, 0.95), smoothstep(0.3, 0.9, cloud) * smoothstep(0.0, 0.2, rd.y) * 0.8);
    }
    sky += vec3(1.0, 0.9, 0.7) * pow(max(dot(rd, sunDir), 0.0), 20.0) * 0.6;

    // the sea is a plane at y = 0; march the land only above it
    float dSea = rd.y < 0.0 ? -ro.y / rd.y : 1e9;
    float d = 0.0;
    bool land = false;
    if (rd.y < 0.0)
    {
        d = max((2.0 - ro.y) / rd.y, 0.0);
        for (int i = 0; i < 34; i++)
        {
            vec3 p = ro + rd * d;
            float s = p.y - island(p.xz);
            if (s < 0.003 * d) { land = true; break; }
            d += s * 0.6 + 0.003 * d;
            if (d > dSea) break;
        }
    }
    vec3 col = sky;
    if (land && d < dSea)
    {
        vec3 p = ro + rd * d;
        float e = 0.03;
        float h0 = island(p.xz);
        vec3 n = normalize(vec3(h0 - island(p.xz + vec2(e, 0.0)), e, h0 - island(p.xz + vec2(0.0, e))));
        vec3 grass = mix(vec3(0.2, 0.6, 0.25), vec3(0.45, 0.7, 0.2), 0.5 + 0.5 * sin(p.x * 2.0 + p.z));
        vec3 alb = mix(vec3(0.95, 0.85, 0.6), grass, smoothstep(0.08, 0.25, p.y));
        alb = mix(alb, vec3(0.5, 0.42, 0.35), smoothstep(1.3, 1.8, p.y) * (1.0 - n.y));
        float dif = max(dot(n, sunDir), 0.0);
        col = alb * (0.3 + 0.9 * dif);
        col = mix(col, sky, 1.0 - exp(-0.0012 * d * d));
    }
    else if (dSea < 1e8)
    {
        vec3 p = ro + rd * dSea;
        float depth = max(-island(p.xz), 0.0);
        vec3 water = mix(vec3(0.3, 0.9, 0.8), vec3(0.05, 0.25, 0.55), smoothstep(0.0, 1.2, depth));
        float wave = sin(p.x * 4.0 + t * 2.0 + sin(p.z * 3.0)) * sin(p.z * 3.5 - t * 1.6);
        water += 0.08 * wave;
        water = mix(water, vec3(1.0), smoothstep(0.06, 0.0, depth) * 0.7);
        float fres = pow(1.0 - max(-rd.y, 0.0), 4.0);
        col = mix(water, sky, fres * 0.6);
        col = mix(col, sky, 1.0 - exp(-0.0012 * dSea * dSea));
    }
    fragColor = vec4(clamp(col, 0.0, 1.0), 1.0);
}
