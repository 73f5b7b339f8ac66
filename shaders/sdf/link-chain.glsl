// name: link-chain
// family: sdf
// tags: raymarch, sdf, chain, torus, repetition, metal
// licence: MIT
// author: shaderbank contributors
// description: An endless chain of interlocking elongated links, alternate links turned ninety degrees, sliding and twisting through a pastel studio with coloured metallic shading.

float sdLink(vec3 p, float le, float r1, float r2)
{
    vec3 q = vec3(p.x - clamp(p.x, -le, le), p.y, p.z);
    return length(vec2(length(q.xy) - r1, q.z)) - r2;
}

vec2 mapScene(vec3 p, float t)
{
    float tw = 0.35 * sin(t * 0.5);
    p.yz = mat2(cos(tw * p.x), -sin(tw * p.x), sin(tw * p.x), cos(tw * p.x)) * p.yz;
    float period = 2.2;
    vec3 a = p;
    float ca = floor((a.x + 0.5 * period) / period);
    a.x = a.x - ca * period;
    float dA = sdLink(a, 0.35, 0.5, 0.13);
    vec3 b = p;
    float cb = floor(b.x / period);
    b.x = b.x - cb * period - 0.5 * period;
    float dB = sdLink(b.xzy, 0.35, 0.5, 0.13);
    return dA < dB ? vec2(dA, ca * 2.0) : vec2(dB, cb * 2.0 + 1.0);
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
    float a = 0.6 + 0.3 * sin(t * 0.3) + m.x * 2.0;
    vec3 target = vec3(t * 0.9, 0.0, 0.0);
    vec3 ro = target + vec3(3.2 * sin(a), 1.4 + 0.8 * sin(t * 0.23) + m.y, 3.2 * cos(a));
    vec3 fw = normalize(target - ro);
    vec3 rt = normalize(cross(vec3(0.0, 1.0, 0.0), fw));
    vec3 up = cross(fw, rt);
    vec3 rd = normalize(fw * 1.5 + uv.x * rt + uv.y * up);

    vec3 bg = mix(vec3(0.95, 0.8, 0.75), vec3(0.5, 0.65, 0.9), 0.5 + 0.5 * uv.y);
    bg = mix(bg, bg.gbr, 0.3 + 0.3 * sin(t * 0.2));
    vec3 col = bg;
    float d = 0.0;
    vec2 hit = vec2(-1.0);
    for (int i = 0; i < 56; i++)
    {
        vec2 s = mapScene(ro + rd * d, t);
        if (s.x < 0.001) { hit = s; break; }
        d += s.x * 0.85;
        if (d > 14.0) break;
    }
    if (hit.x >= 0.0)
    {
        vec3 p = ro + rd * d;
        vec3 n = calcNormal(p, t);
        vec3 alb = 0.55 + 0.45 * cos(6.2831853 * (hit.y * 0.13 + 0.05 * t + vec3(0.0, 0.33, 0.67)));
        vec3 l = normalize(vec3(0.5, 0.8, 0.3));
        float dif = max(dot(n, l), 0.0);
        vec3 rf = reflect(rd, n);
        float env = 0.5 + 0.5 * rf.y;
        float spec = pow(max(dot(rf, l), 0.0), 24.0);
        col = alb * (0.25 + 0.7 * dif) + alb * env * 0.35 + spec * 0.6;
        col = mix(col, bg, 1.0 - exp(-0.01 * d * d));
    }
    fragColor = vec4(clamp(col, 0.0, 1.0), 1.0);
}
