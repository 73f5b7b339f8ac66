// name: cutaway-contours
// family: sdf
// tags: raymarch, sdf, cutaway, contours, smooth-union, section
// licence: MIT
// author: shaderbank contributors
// description: A smooth blend of sphere, box and torus sliced by a turning plane, the cut face painted with rainbow contour bands of the interior distance field.

float sdBox(vec3 p, vec3 b)
{
    vec3 q = abs(p) - b;
    return length(max(q, 0.0)) + min(max(q.x, max(q.y, q.z)), 0.0);
}

float smin(float a, float b, float k)
{
    float h = clamp(0.5 + 0.5 * (b - a) / k, 0.0, 1.0);
    return mix(b, a, h) - k * h * (1.0 - h);
}

float solid(vec3 p, float t)
{
    float s = length(p - vec3(0.5 * sin(t * 0.7), 0.2, 0.0)) - 0.8;
    float b = sdBox(p - vec3(-0.5, -0.1, 0.2 * cos(t * 0.5)), vec3(0.55)) - 0.05;
    vec3 q = p - vec3(0.0, 0.1 * sin(t), 0.0);
    float tor = length(vec2(length(q.xz) - 1.1, q.y)) - 0.22;
    return smin(smin(s, b, 0.35), tor, 0.3);
}

vec3 cutN;

float mapScene(vec3 p, float t)
{
    float plane = dot(p, cutN) - 0.15 * sin(t * 0.6);
    return max(solid(p, t), plane);
}

vec3 calcNormal(vec3 p, float t)
{
    vec2 k = vec2(1.0, -1.0) * 0.002;
    return normalize(k.xyy * mapScene(p + k.xyy, t) + k.yyx * mapScene(p + k.yyx, t) +
                     k.yxy * mapScene(p + k.yxy, t) + k.xxx * mapScene(p + k.xxx, t));
}

void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = (2.0 * fragCoord - iResolution.xy) / iResolution.y;
    vec2 m = iMouse.xy / max(iResolution.xy, vec2(1.0));
    float t = iTime;
    float a = 0.15 * t + 0.8 + m.x * 6.2831853;
    vec3 ro = vec3(2.9 * sin(a), 1.3 + m.y, 2.9 * cos(a));
    // the cut plane turns but keeps facing the camera, so the section stays in view
    vec3 wob = vec3(cos(t * 0.5), 0.6 * sin(t * 0.37), sin(t * 0.5));
    cutN = normalize(normalize(ro) * 1.2 + wob);
    vec3 fw = normalize(-ro);
    vec3 rt = normalize(cross(vec3(0.0, 1.0, 0.0), fw));
    vec3 up = cross(fw, rt);
    vec3 rd = normalize(fw * 2.0 + uv.x * rt + uv.y * up);

    vec3 bg = mix(vec3(0.2, 0.22, 0.35), vec3(0.55, 0.5, 0.7), 0.5 + 0.5 * uv.y);
    bg += 0.08 * sin(uv.x * 10.0 + t) * sin(uv.y * 10.0);
    vec3 col = bg;
    float b = dot(ro, rd);
    float disc = b * b - dot(ro, ro) + 2.2 * 2.2;
    if (disc > 0.0)
    {
        float d = max(-b - sqrt(disc), 0.0);
        float tExit = -b + sqrt(disc);
        bool hit = false;
        for (int i = 0; i < 56; i++)
        {
            float s = mapScene(ro + rd * d, t);
            if (s < 0.0015) { hit = true; break; }
            d += s;
            if (d > tExit) break;
        }
        if (hit)
        {
            vec3 p = ro + rd * d;
            vec3 n = calcNormal(p, t);
            vec3 l = normalize(vec3(0.5, 0.8, 0.4));
            float inner = solid(p, t);
            vec3 alb;
            if (inner < -0.01)
            {
                float depth = -inner;
                alb = 0.55 + 0.45 * cos(6.2831853 * (depth * 2.5 - 0.2 * t + vec3(0.0, 0.33, 0.67)));
                alb *= 0.75 + 0.25 * smoothstep(0.0, 0.25, abs(fract(depth * 10.0) - 0.5));
            }
            else
            {
                alb = 0.7 + 0.25 * cos(6.2831853 * (0.05 * t + 0.5 + vec3(0.0, 0.33, 0.67)));
            }
            float dif = max(dot(n, l), 0.0);
            float spec = pow(max(dot(reflect(rd, n), l), 0.0), 24.0);
            col = alb * (0.35 + 0.7 * dif) + 0.3 * spec;
        }
    }
    fragColor = vec4(clamp(col, 0.0, 1.0), 1.0);
}
