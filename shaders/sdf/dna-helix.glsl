// name: dna-helix
// family: sdf
// tags: raymarch, sdf, helix, molecule, repetition
// licence: MIT
// author: shaderbank contributors
// description: A double helix of glossy beads joined by four colours of base-pair rungs, twisting and scrolling upward past the camera over a deep teal-to-magenta glow.

float sdCapsule(vec3 p, vec3 a, vec3 b, float r)
{
    vec3 pa = p - a;
    vec3 ba = b - a;
    float h = clamp(dot(pa, ba) / dot(ba, ba), 0.0, 1.0);
    return length(pa - ba * h) - r;
}

float rungType(float k)
{
    return floor(fract(sin(k * 12.9898 + 4.1) * 43758.5453) * 4.0);
}

vec2 mapScene(vec3 p, float t)
{
    float h = 0.42;
    float radius = 1.0;
    float cy = p.y / h;
    float cell = floor(cy + 0.5);
    float other = cy > cell ? 1.0 : -1.0;
    vec2 res = vec2(1e9, 0.0);
    // the nearest rung and the next one on the side of p
    for (int j = 0; j < 2; j++)
    {
        float k = cell + float(j) * other;
        float y = k * h;
        float ang = k * 0.55 + t * 1.1;
        vec3 a = vec3(radius * cos(ang), y, radius * sin(ang));
        vec3 b = vec3(-a.x, y, -a.z);
        float beads = min(length(p - a), length(p - b)) - 0.2;
        if (beads < res.x) res = vec2(beads, 4.0);
        float rung = sdCapsule(p, a, b, 0.07);
        if (rung < res.x) res = vec2(rung, rungType(k));
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
    float tilt = 0.5 + 0.3 * sin(t * 0.2) + (m.x - 0.5);
    vec3 ro = vec3(3.6 * sin(tilt), t * 1.2 + 0.6 * sin(t * 0.3), 3.6 * cos(tilt));
    vec3 target = vec3(0.0, ro.y + 0.4 + m.y, 0.0);
    vec3 fw = normalize(target - ro);
    vec3 rt = normalize(cross(vec3(0.0, 1.0, 0.0), fw));
    vec3 up = cross(fw, rt);
    vec3 rd = normalize(fw * 1.4 + uv.x * rt + uv.y * up);

    vec3 bg = mix(vec3(0.05, 0.4, 0.45), vec3(0.55, 0.15, 0.45), smoothstep(-1.0, 1.0, uv.x + 0.3 * sin(t * 0.4)));
    bg += 0.15 * exp(-dot(uv, uv) * 2.0);
    vec3 col = bg;
    // march only inside the helix cylinder
    float a = dot(rd.xz, rd.xz);
    float bq = dot(ro.xz, rd.xz);
    float c = dot(ro.xz, ro.xz) - 1.35 * 1.35;
    float disc = bq * bq - a * c;
    if (disc > 0.0 && a > 1e-6)
    {
        float sq = sqrt(disc);
        float d = max((-bq - sq) / a, 0.0);
        float tExit = (-bq + sq) / a;
        vec2 hit = vec2(-1.0);
        for (int i = 0; i < 48; i++)
        {
            vec2 s = mapScene(ro + rd * d, t);
            if (s.x < 0.002) { hit = s; break; }
            d += s.x;
            if (d > tExit) break;
        }
        if (hit.x >= 0.0)
        {
            vec3 p = ro + rd * d;
            vec3 n = calcNormal(p, t);
            vec3 alb = hit.y > 3.5 ? vec3(0.92, 0.9, 0.85) :
                       (hit.y < 0.5 ? vec3(1.0, 0.35, 0.3) : (hit.y < 1.5 ? vec3(0.3, 0.8, 0.4) : (hit.y < 2.5 ? vec3(0.3, 0.5, 1.0) : vec3(1.0, 0.85, 0.25))));
            vec3 l = normalize(vec3(0.4, 0.6, 0.7));
            float dif = max(dot(n, l), 0.0);
            float spec = pow(max(dot(reflect(rd, n), l), 0.0), 30.0);
            col = alb * (0.3 + 0.8 * dif) + 0.5 * spec;
            col = mix(col, bg, smoothstep(3.0, 5.5, d) * 0.6);
        }
    }
    fragColor = vec4(clamp(col, 0.0, 1.0), 1.0);
}
