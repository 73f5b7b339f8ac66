// name: primitive-carousel
// family: sdf
// tags: raymarch, sdf, primitives, carousel, checker-floor
// licence: MIT
// author: shaderbank contributors
// description: A box, torus, octahedron and capped cylinder riding a bobbing carousel over a checkered floor, each spinning on its own axis in a bright primary colour.

float sdBox(vec3 p, vec3 b)
{
    vec3 q = abs(p) - b;
    return length(max(q, 0.0)) + min(max(q.x, max(q.y, q.z)), 0.0);
}

float sdTorus(vec3 p, vec2 tr)
{
    return length(vec2(length(p.xz) - tr.x, p.y)) - tr.y;
}

float sdOcta(vec3 p, float s)
{
    p = abs(p);
    return (p.x + p.y + p.z - s) * 0.57735027;
}

float sdCyl(vec3 p, float r, float h)
{
    vec2 d = abs(vec2(length(p.xz), p.y)) - vec2(r, h);
    return min(max(d.x, d.y), 0.0) + length(max(d, 0.0));
}

mat3 spin(float a, float b)
{
    mat3 ry = mat3(cos(a), 0.0, sin(a), 0.0, 1.0, 0.0, -sin(a), 0.0, cos(a));
    mat3 rx = mat3(1.0, 0.0, 0.0, 0.0, cos(b), -sin(b), 0.0, sin(b), cos(b));
    return ry * rx;
}

mat3 rots[4];
vec3 centres[4];

void placeShapes(float t)
{
    for (int i = 0; i < 4; i++)
    {
        float fi = float(i);
        float ang = t * 0.5 + fi * 1.5707963;
        centres[i] = vec3(1.6 * cos(ang), 0.2 + 0.25 * sin(t * 2.0 + fi * 1.7), 1.6 * sin(ang));
        rots[i] = spin(t * (0.7 + 0.2 * fi), t * 0.5 + fi);
    }
}

vec2 mapScene(vec3 p, float t)
{
    vec2 res = vec2(p.y + 0.8, 0.0);
    for (int i = 0; i < 4; i++)
    {
        float fi = float(i);
        vec3 q = rots[i] * (p - centres[i]);
        float d;
        if (i == 0) d = sdBox(q, vec3(0.38)) - 0.05;
        else if (i == 1) d = sdTorus(q, vec2(0.42, 0.16));
        else if (i == 2) d = sdOcta(q, 0.6);
        else d = sdCyl(q, 0.35, 0.4) - 0.04;
        if (d < res.x) res = vec2(d, fi + 1.0);
    }
    return res;
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
    placeShapes(t);
    float a = -0.2 * t + m.x * 6.2831853;
    vec3 ro = vec3(3.6 * sin(a), 1.5 + 0.4 * sin(t * 0.3) + m.y, 3.6 * cos(a));
    vec3 fw = normalize(vec3(0.0, -0.1, 0.0) - ro);
    vec3 rt = normalize(cross(vec3(0.0, 1.0, 0.0), fw));
    vec3 up = cross(fw, rt);
    vec3 rd = normalize(fw * 1.3 + uv.x * rt + uv.y * up);

    vec3 bg = mix(vec3(0.95, 0.9, 0.8), vec3(0.55, 0.7, 0.95), smoothstep(-0.2, 0.6, rd.y));
    vec3 col = bg;
    float d = 0.0;
    vec2 hit = vec2(-1.0);
    for (int i = 0; i < 56; i++)
    {
        vec2 s = mapScene(ro + rd * d, t);
        if (s.x < 0.001 * (1.0 + d)) { hit = s; break; }
        d += s.x;
        if (d > 25.0) break;
    }
    if (hit.y >= 0.0 && d <= 25.0)
    {
        vec3 p = ro + rd * d;
        vec3 n = hit.y < 0.5 ? vec3(0.0, 1.0, 0.0) : calcNormal(p, t);
        vec3 alb;
        if (hit.y < 0.5)
        {
            float chk = mod(floor(p.x * 1.5) + floor(p.z * 1.5), 2.0);
            alb = mix(vec3(0.95, 0.93, 0.88), vec3(0.35, 0.35, 0.5), chk);
            float shadowR = 1e9;
            for (int i = 0; i < 4; i++)
                shadowR = min(shadowR, length(p.xz - centres[i].xz));
            alb *= 0.55 + 0.45 * smoothstep(0.2, 0.7, shadowR);
        }
        else
        {
            float k = hit.y - 1.0;
            alb = k < 0.5 ? vec3(0.95, 0.25, 0.2) : (k < 1.5 ? vec3(0.2, 0.5, 0.95) : (k < 2.5 ? vec3(1.0, 0.8, 0.15) : vec3(0.25, 0.8, 0.4)));
            alb = mix(alb, alb.brg, 0.2 + 0.2 * sin(t * 0.4));
        }
        vec3 l = normalize(vec3(0.5, 0.8, 0.3));
        float dif = max(dot(n, l), 0.0);
        float spec = pow(max(dot(reflect(rd, n), l), 0.0), 20.0) * step(0.5, hit.y);
        col = alb * (0.35 + 0.7 * dif) + 0.4 * spec;
        col = mix(col, bg, 1.0 - exp(-0.004 * d * d));
    }
    fragColor = vec4(clamp(col, 0.0, 1.0), 1.0);
}
