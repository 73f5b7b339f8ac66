// name: menger-cube
// family: sdf
// tags: raymarch, sdf, fractal, menger-sponge, cube
// licence: MIT
// author: shaderbank contributors
// description: A three-level Menger sponge tumbling in space, its tunnels shaded by depth of recursion in candy colours against a soft radial backdrop.

float sdBox(vec3 p, vec3 b)
{
    vec3 q = abs(p) - b;
    return length(max(q, 0.0)) + min(max(q.x, max(q.y, q.z)), 0.0);
}

vec2 mapScene(vec3 p)
{
    float d = sdBox(p, vec3(1.0));
    float s = 1.0;
    float level = 0.0;
    for (int i = 0; i < 3; i++)
    {
        vec3 a = mod(p * s, 2.0) - 1.0;
        s *= 3.0;
        vec3 r = abs(1.0 - 3.0 * abs(a));
        float da = max(r.x, r.y);
        float db = max(r.y, r.z);
        float dc = max(r.z, r.x);
        float c = (min(da, min(db, dc)) - 1.0) / s;
        if (c > d) { d = c; level = float(i) + 1.0; }
    }
    return vec2(d, level);
}

vec3 calcNormal(vec3 p)
{
    vec2 k = vec2(1.0, -1.0) * 0.0015;
    return normalize(k.xyy * mapScene(p + k.xyy).x + k.yyx * mapScene(p + k.yyx).x +
                     k.yxy * mapScene(p + k.yxy).x + k.xxx * mapScene(p + k.xxx).x);
}

void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = (2.0 * fragCoord - iResolution.xy) / iResolution.y;
    vec2 m = iMouse.xy / max(iResolution.xy, vec2(1.0));
    float t = iTime;
    float a = 0.35 * t + m.x * 6.2831853;
    float e = 0.5 + 0.35 * sin(t * 0.27) + (m.y - 0.5);
    vec3 ro = 3.4 * vec3(cos(e) * sin(a), sin(e), cos(e) * cos(a));
    vec3 fw = normalize(-ro);
    vec3 rt = normalize(cross(vec3(0.0, 1.0, 0.0), fw));
    vec3 up = cross(fw, rt);
    vec3 rd = normalize(fw * 1.8 + uv.x * rt + uv.y * up);

    vec3 bg = mix(vec3(0.9, 0.55, 0.6), vec3(0.25, 0.2, 0.5), smoothstep(0.0, 1.4, length(uv)));
    vec3 col = bg;
    // bounding sphere of the unit cube
    float b = dot(ro, rd);
    float disc = b * b - dot(ro, ro) + 3.0;
    if (disc > 0.0)
    {
        float d = max(-b - sqrt(disc), 0.0);
        float tExit = -b + sqrt(disc);
        vec2 hit = vec2(-1.0);
        float steps = 0.0;
        for (int i = 0; i < 60; i++)
        {
            vec2 s = mapScene(ro + rd * d);
            if (s.x < 0.0012) { hit = s; break; }
            d += s.x;
            steps += 1.0;
            if (d > tExit) break;
        }
        if (hit.x >= 0.0)
        {
            vec3 p = ro + rd * d;
            vec3 n = calcNormal(p);
            vec3 alb = 0.55 + 0.45 * cos(6.2831853 * (hit.y * 0.22 + 0.06 * t + vec3(0.0, 0.33, 0.67)));
            vec3 l = normalize(vec3(0.6, 0.7, 0.4));
            float dif = max(dot(n, l), 0.0);
            float ao = clamp(1.0 - steps / 60.0, 0.0, 1.0);
            col = alb * (0.3 + 0.75 * dif) * (0.4 + 0.6 * ao * ao) + 0.1 * (0.5 + 0.5 * n.y);
        }
    }
    fragColor = vec4(clamp(col, 0.0, 1.0), 1.0);
}
