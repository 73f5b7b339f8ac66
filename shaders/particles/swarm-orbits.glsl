// name: swarm-orbits
// family: particles
// tags: particles, swarm, orbits, trails, glow
// licence: MIT
// author: shaderbank contributors
// description: A swarm of twenty-six glowing particles with comet trails, circling two wandering attractors on precessing orbits over a teal-to-rose haze.

float segDist(vec2 p, vec2 a, vec2 b)
{
    vec2 e = b - a;
    vec2 w = p - a;
    float h = clamp(dot(w, e) / max(dot(e, e), 1e-6), 0.0, 1.0);
    return length(w - e * h);
}

void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = (2.0 * fragCoord - iResolution.xy) / iResolution.y;
    vec2 m = iMouse.xy / max(iResolution.xy, vec2(1.0));
    float t = iTime;
    vec2 a1 = vec2(0.6 * sin(t * 0.37), 0.4 * cos(t * 0.29)) + (m - 0.5) * 0.6;
    vec2 a2 = vec2(0.7 * cos(t * 0.23 + 1.0), 0.45 * sin(t * 0.41 + 2.0));
    float pr1 = t * 0.35;
    float pr2 = -t * 0.27 + 1.0;
    mat2 rot1 = mat2(cos(pr1), -sin(pr1), sin(pr1), cos(pr1));
    mat2 rot2 = mat2(cos(pr2), -sin(pr2), sin(pr2), cos(pr2));

    float hz = 0.08 * t;
    vec3 col = mix(vec3(0.12, 0.42, 0.5), vec3(0.55, 0.25, 0.45), smoothstep(-1.2, 1.2, uv.x * cos(hz * 3.0) + uv.y * sin(hz * 3.0)));
    col += 0.1 * vec3(0.5, 0.7, 1.0) * (0.5 + 0.5 * sin(length(uv - a1) * 7.0 - t * 2.0));
    col += 0.1 * vec3(1.0, 0.6, 0.5) * (0.5 + 0.5 * sin(length(uv - a2) * 5.0 - t * 1.5));

    vec3 glow = vec3(0.0);
    vec3 warm = 0.6 + 0.4 * cos(6.2831853 * (0.1 * t + vec3(0.0, 0.33, 0.67)));
    vec3 cool = 0.6 + 0.4 * cos(6.2831853 * (0.1 * t + 0.45 + vec3(0.0, 0.33, 0.67)));
    for (int g = 0; g < 2; g++)
    {
        vec2 centre = g == 0 ? a1 : a2;
        mat2 rot = g == 0 ? rot1 : rot2;
        float dir = g == 0 ? 1.0 : -1.0;
        for (int i = 0; i < 13; i++)
        {
            float fi = float(i + 13 * g);
            vec3 r = fract(vec3(0.6180340, 0.7548777, 0.5698403) * (fi + 1.0) + vec3(0.1, 0.3, 0.7));
            float radius = 0.2 + 0.6 * r.x;
            float speed = (0.7 + 1.0 * r.y) * dir;
            float ang = t * speed + 6.2831853 * r.y;
            float ecc = 0.35 + 0.55 * r.z;
            vec2 cs = vec2(cos(ang), sin(ang));
            vec2 pos = centre + rot * (vec2(cs.x, ecc * cs.y) * radius);
            vec2 vel = rot * (vec2(-cs.y, ecc * cs.x) * (radius * speed * 0.3));
            vec2 w = uv - pos;
            float h = clamp(-dot(w, vel) / max(dot(vel, vel), 1e-6), 0.0, 1.0);
            vec2 dv = w + vel * h;
            glow += mix(warm, cool, r.z) * ((1.4 - h) * 0.0016 / (dot(dv, dv) + 0.0006));
        }
    }
    col += glow * 0.45;
    col = 1.0 - exp(-col * 1.3);
    fragColor = vec4(clamp(col, 0.0, 1.0), 1.0);
}
