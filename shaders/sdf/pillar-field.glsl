// name: pillar-field
// family: sdf
// tags: raymarch, sdf, repetition, landscape, sunset
// licence: MIT
// author: shaderbank contributors
// description: Flying low over an endless grid of rounded pillars of random heights under a sunset sky with coloured fog.

float cellHash(vec2 c)
{
    vec2 q = fract(c * vec2(0.1031, 0.1137));
    q += dot(q, q.yx + 19.19);
    return fract((q.x + q.y) * q.x * 43.7585);
}

float sdRoundBox(vec3 p, vec3 b, float r)
{
    vec3 q = abs(p) - b + r;
    return length(max(q, 0.0)) + min(max(q.x, max(q.y, q.z)), 0.0) - r;
}

vec2 mapScene(vec3 p)
{
    vec2 cell = floor(p.xz / 2.0);
    vec3 q = p;
    q.xz = mod(p.xz, 2.0) - 1.0;
    float h = 0.4 + 2.2 * cellHash(cell);
    float pillar = sdRoundBox(q - vec3(0.0, h * 0.5, 0.0), vec3(0.55, h * 0.5, 0.55), 0.15);
    float ground = p.y;
    if (pillar < ground) return vec2(pillar, cellHash(cell + 17.0));
    return vec2(ground, -1.0);
}

vec3 calcNormal(vec3 p)
{
    vec2 e = vec2(0.002, 0.0);
    return normalize(vec3(mapScene(p + e.xyy).x - mapScene(p - e.xyy).x,
                          mapScene(p + e.yxy).x - mapScene(p - e.yxy).x,
                          mapScene(p + e.yyx).x - mapScene(p - e.yyx).x));
}

vec3 skyColor(vec3 rd, vec3 sunDir)
{
    vec3 sky = mix(vec3(1.0, 0.55, 0.35), vec3(0.25, 0.25, 0.65), smoothstep(-0.05, 0.5, rd.y));
    sky += vec3(1.0, 0.7, 0.4) * pow(max(dot(rd, sunDir), 0.0), 24.0);
    return sky;
}

void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = (2.0 * fragCoord - iResolution.xy) / iResolution.y;
    vec2 m = iMouse.xy / max(iResolution.xy, vec2(1.0));
    float t = iTime;
    vec3 ro = vec3(1.0 + 0.8 * sin(t * 0.4), 3.4 + 0.5 * sin(t * 0.7), t * 2.2);
    float yaw = 0.6 * sin(t * 0.25) + m.x * 3.0;
    vec3 fw = normalize(vec3(sin(yaw), -0.35 - 0.3 * m.y, cos(yaw)));
    vec3 rt = normalize(cross(vec3(0.0, 1.0, 0.0), fw));
    vec3 up = cross(fw, rt);
    vec3 rd = normalize(fw * 1.6 + uv.x * rt + uv.y * up);
    vec3 sunDir = normalize(vec3(0.6 * cos(t * 0.3), 0.25, 0.8));

    float d = 0.0;
    vec2 hit = vec2(-2.0);
    for (int i = 0; i < 64; i++)
    {
        vec3 p = ro + rd * d;
        vec2 s = mapScene(p);
        if (s.x < 0.001 + 0.003 * d) { hit = s; break; }
        d += s.x * 0.9;
        if (d > 40.0) break;
    }

    vec3 sky = skyColor(rd, sunDir);
    vec3 col = sky;
    if (hit.y > -2.0)
    {
        vec3 p = ro + rd * d;
        vec3 n = calcNormal(p);
        vec3 alb = hit.y < 0.0 ? vec3(0.25, 0.2, 0.3) + 0.15 * mod(floor(p.x) + floor(p.z), 2.0)
                               : 0.55 + 0.45 * cos(6.2831853 * (hit.y * 0.6 + vec3(0.0, 0.15, 0.35)));
        float dif = max(dot(n, sunDir), 0.0);
        float amb = 0.5 + 0.5 * n.y;
        col = alb * (dif * vec3(1.2, 0.9, 0.7) + amb * vec3(0.35, 0.35, 0.55));
        col = mix(col, sky, 1.0 - exp(-0.0025 * d * d));
    }
    col = pow(clamp(col, 0.0, 1.0), vec3(0.85));
    fragColor = vec4(col, 1.0);
}
