// name: blob-orbit
// family: sdf
// tags: raymarch, sdf, smooth-union, spheres, iridescent
// licence: MIT
// author: shaderbank contributors
// description: Six spheres orbiting and melting together by smooth union, iridescent normal shading over a pastel gradient floor.

float smin(float a, float b, float k)
{
    float h = clamp(0.5 + 0.5 * (b - a) / k, 0.0, 1.0);
    return mix(b, a, h) - k * h * (1.0 - h);
}

vec4 blobs[6];

void placeBlobs(float t)
{
    for (int i = 0; i < 6; i++)
    {
        float fi = float(i);
        vec3 c = vec3(sin(t * (0.7 + 0.13 * fi) + fi * 1.7),
                      0.8 * cos(t * (0.5 + 0.11 * fi) + fi * 2.3),
                      sin(t * (0.9 - 0.07 * fi) + fi * 0.9)) * 1.4;
        blobs[i] = vec4(c, 0.35 + 0.08 * fi);
    }
}

float mapScene(vec3 p)
{
    float d = length(p) - 0.8;
    for (int i = 0; i < 6; i++)
        d = smin(d, length(p - blobs[i].xyz) - blobs[i].w, 0.6);
    return min(d, p.y + 2.0);
}

vec3 calcNormal(vec3 p)
{
    vec2 k = vec2(1.0, -1.0) * 0.003;
    return normalize(k.xyy * mapScene(p + k.xyy) + k.yyx * mapScene(p + k.yyx) +
                     k.yxy * mapScene(p + k.yxy) + k.xxx * mapScene(p + k.xxx));
}

void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = (2.0 * fragCoord - iResolution.xy) / iResolution.y;
    vec2 m = iMouse.xy / max(iResolution.xy, vec2(1.0));
    float t = iTime;
    placeBlobs(t);
    float a = 0.3 * t + m.x * 6.2831853;
    vec3 ro = vec3(4.2 * sin(a), 1.0 + 0.8 * sin(t * 0.4) + m.y * 2.0, 4.2 * cos(a));
    vec3 fw = normalize(-ro);
    vec3 rt = normalize(cross(vec3(0.0, 1.0, 0.0), fw));
    vec3 up = cross(fw, rt);
    vec3 rd = normalize(fw * 1.5 + uv.x * rt + uv.y * up);

    vec3 bg = mix(vec3(0.95, 0.75, 0.8), vec3(0.55, 0.75, 1.0), 0.5 + 0.5 * rd.y);
    // march only inside the bounding sphere of the blobs, the floor is intersected analytically
    float d = 0.0;
    bool hit = false;
    float b = dot(ro, rd);
    float disc = b * b - dot(ro, ro) + 3.1 * 3.1;
    if (disc > 0.0)
    {
        float sq = sqrt(disc);
        float tEnter = max(-b - sq, 0.0);
        float tExit = -b + sq;
        d = tEnter;
        for (int i = 0; i < 56; i++)
        {
            float s = mapScene(ro + rd * d);
            if (s < 0.002) { hit = true; break; }
            d += s;
            if (d > tExit) break;
        }
    }
    if (!hit && rd.y < -1e-3)
    {
        d = (-2.0 - ro.y) / rd.y;
        hit = d > 0.0 && d < 40.0;
    }
    vec3 col = bg;
    if (hit)
    {
        vec3 p = ro + rd * d;
        vec3 n = p.y < -1.995 ? vec3(0.0, 1.0, 0.0) : calcNormal(p);
        vec3 l = normalize(vec3(0.5, 0.8, 0.3));
        float dif = max(dot(n, l), 0.0);
        float fre = pow(1.0 - max(dot(n, -rd), 0.0), 3.0);
        vec3 alb;
        if (p.y < -1.99)
        {
            float chk = mod(floor(p.x) + floor(p.z), 2.0);
            alb = mix(vec3(0.95, 0.8, 0.6), vec3(0.6, 0.8, 0.75), chk);
        }
        else
        {
            alb = 0.5 + 0.5 * cos(6.2831853 * (dot(n, vec3(0.3, 0.5, 0.2)) + t * 0.1 + vec3(0.0, 0.33, 0.67)));
        }
        col = alb * (0.35 + 0.75 * dif) + 0.4 * fre * vec3(0.9, 0.9, 1.0);
        vec3 h = normalize(l - rd);
        col += 0.5 * pow(max(dot(n, h), 0.0), 40.0);
        col = mix(col, bg, 1.0 - exp(-0.004 * d * d));
    }
    fragColor = vec4(clamp(col, 0.0, 1.0), 1.0);
}
