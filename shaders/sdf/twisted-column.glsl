// name: twisted-column
// family: sdf
// tags: raymarch, sdf, twist, columns, architecture
// licence: MIT
// author: shaderbank contributors
// description: A colonnade of square columns twisted about their axes by a slowly winding amount, banded in bright stripes and standing on a tiled floor in warm light.

float sdBox2(vec2 p, vec2 b)
{
    vec2 q = abs(p) - b;
    return length(max(q, 0.0)) + min(max(q.x, q.y), 0.0);
}

vec2 mapScene(vec3 p, float t)
{
    vec3 q = p;
    float cell = floor(q.x / 3.0 + 0.5);
    q.x -= cell * 3.0;
    float tw = (0.6 + 0.5 * sin(t * 0.4 + cell)) * q.y;
    q.xz = mat2(cos(tw), -sin(tw), sin(tw), cos(tw)) * q.xz;
    float col = (sdBox2(q.xz, vec2(0.42)) - 0.06) * 0.7;
    col = max(col, q.y - 3.5);
    float floorD = p.y + 1.0;
    if (col < floorD) return vec2(col, cell);
    return vec2(floorD, -100.0);
}

vec3 calcNormal(vec3 p, float t)
{
    vec2 k = vec2(1.0, -1.0) * 0.002;
    return normalize(k.xyy * mapScene(p + k.xyy, t).x + k.yyx * mapScene(p + k.yyx, t).x +
                     k.yxy * mapScene(p + k.yxy, t).x + k.xxx * mapScene(p + k.xxx, t).x);
}

void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = (2.0 * fragCoord - iResolution.xy) / iResolution.y;
    vec2 m = iMouse.xy / max(iResolution.xy, vec2(1.0));
    float t = iTime;
    vec3 ro = vec3(t * 0.7 + m.x * 5.0, 1.2 + 0.5 * sin(t * 0.3), -4.5 + 0.8 * sin(t * 0.2));
    vec3 target = vec3(ro.x + 1.5 * sin(t * 0.25), 0.8 + m.y, 0.0);
    vec3 fw = normalize(target - ro);
    vec3 rt = normalize(cross(vec3(0.0, 1.0, 0.0), fw));
    vec3 up = cross(fw, rt);
    vec3 rd = normalize(fw * 1.4 + uv.x * rt + uv.y * up);

    vec3 sky = mix(vec3(1.0, 0.75, 0.55), vec3(0.45, 0.5, 0.85), smoothstep(-0.2, 0.6, rd.y));
    vec3 col = sky;
    float d = 0.0;
    vec2 hit = vec2(0.0, -200.0);
    for (int i = 0; i < 50; i++)
    {
        vec2 s = mapScene(ro + rd * d, t);
        if (s.x < 0.001 * (1.0 + d)) { hit = s; break; }
        d += s.x;
        if (d > 24.0) break;
    }
    if (hit.y > -150.0)
    {
        vec3 p = ro + rd * d;
        vec3 n = calcNormal(p, t);
        vec3 alb;
        if (hit.y < -50.0)
        {
            float chk = mod(floor(p.x) + floor(p.z), 2.0);
            alb = mix(vec3(0.85, 0.75, 0.65), vec3(0.55, 0.35, 0.4), chk);
        }
        else
        {
            float band = step(0.5, fract(p.y * 1.5 + 0.2 * t));
            vec3 c1 = 0.55 + 0.45 * cos(6.2831853 * (hit.y * 0.21 + 0.05 * t + vec3(0.0, 0.33, 0.67)));
            alb = mix(c1, vec3(0.95, 0.92, 0.85), band * 0.7);
        }
        vec3 l = normalize(vec3(0.6, 0.7, -0.4));
        float dif = max(dot(n, l), 0.0);
        float amb = 0.5 + 0.5 * n.y;
        col = alb * (dif * vec3(1.15, 1.0, 0.85) + amb * vec3(0.3, 0.3, 0.45));
        col = mix(col, sky, 1.0 - exp(-0.003 * d * d));
    }
    fragColor = vec4(clamp(col, 0.0, 1.0), 1.0);
}
