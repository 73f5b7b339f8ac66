// name: warp-streaks
// family: particles
// tags: particles, hyperspace, streaks, radial, speed
// licence: MIT
// author: shaderbank contributors
// description: Hyperspace jump: star streaks rush outward from a drifting vanishing point, lengthening as the speed surges, over a blue-violet tunnel glow.

uint mixBits(uint x)
{
    x ^= x >> 16;
    x *= 0x7feb352dU;
    x ^= x >> 15;
    x *= 0x846ca68bU;
    x ^= x >> 16;
    return x;
}

vec3 rand3(float sector, float layer)
{
    uint h = mixBits(uint(int(sector) + 4096) * 0x9e3779b1U + mixBits(uint(int(layer)) + 0x632be5abU));
    uint h2 = mixBits(h ^ 0x85ebca6bU);
    uint h3 = mixBits(h2 + 0x27d4eb2dU);
    return vec3(float(h), float(h2), float(h3)) * (1.0 / 4294967296.0);
}

void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = (2.0 * fragCoord - iResolution.xy) / iResolution.y;
    vec2 m = iMouse.xy / max(iResolution.xy, vec2(1.0));
    float t = iTime;
    vec2 vp = 0.3 * vec2(sin(t * 0.3), cos(t * 0.23)) + (m - 0.5) * 0.4;
    vec2 d = uv - vp;
    float r = length(d);
    float a = atan(d.y, d.x) / 6.2831853 + 0.5;

    float surge = 0.5 + 0.5 * sin(t * 0.5);
    float travel = t * 0.6 - 0.6 * cos(t * 0.5);
    vec3 col = mix(vec3(0.35, 0.25, 0.7), vec3(0.05, 0.25, 0.5), smoothstep(0.0, 1.4, r));
    col += vec3(0.6, 0.3, 0.7) * 0.25 * (0.5 + 0.5 * sin(a * 6.2831853 * 3.0 + t + r * 4.0));
    col += vec3(0.8, 0.9, 1.0) * exp(-r * 6.0) * 0.5;

    for (int layer = 0; layer < 4; layer++)
    {
        float fl = float(layer);
        float n = 48.0 + 24.0 * fl;
        float s = a * n + fl * 0.37;
        float sector = floor(s);
        float local = (s - sector - 0.5) / n * 6.2831853;
        vec3 rnd = rand3(mod(sector, n), fl);
        float z = fract(rnd.x - travel * (0.5 + 0.5 * rnd.y) - fl * 0.21);
        float head = 0.06 / max(z, 0.02);
        float len = head * (0.3 + 0.5 * surge) * (0.6 + 0.4 * rnd.z);
        float tail = head - len;
        float along = clamp((r - tail) / max(len, 1e-3), 0.0, 1.0);
        float inside = step(tail, r) * step(r, head);
        float width = abs(local) * r;
        float thick = 0.004 + 0.012 * (1.0 - z);
        float g = exp(-width * width / (thick * thick)) * inside * along;
        vec3 sc = 0.6 + 0.4 * cos(6.2831853 * (rnd.z * 0.4 + fl * 0.15 + 0.05 * t + vec3(0.0, 0.33, 0.67)));
        col += sc * g * (1.2 - z) * 1.2 * smoothstep(0.05, 0.25, r);
    }
    col = 1.0 - exp(-col * 1.2);
    fragColor = vec4(clamp(col, 0.0, 1.0), 1.0);
}
