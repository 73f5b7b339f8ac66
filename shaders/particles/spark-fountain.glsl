// name: spark-fountain
// family: particles
// tags: particles, sparks, ballistic, streaks, fire
// licence: MIT
// author: shaderbank contributors
// description: Two swaying fountains throw ballistic sparks that streak, cool from white to red and rain down through smoky orange air.

vec4 sparkRand(float i, float gen)
{
    float seed = i * 1.6180339 + gen * 7.3890561 + 0.5;
    return fract(vec4(0.7548777, 0.5698403, 0.4142136, 0.3247180) * seed * 17.0 + vec4(0.1, 0.3, 0.7, 0.9) * gen);
}

void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = (2.0 * fragCoord - iResolution.xy) / iResolution.y;
    vec2 m = iMouse.xy / max(iResolution.xy, vec2(1.0));
    float t = iTime;
    float smoke = sin(uv.x * 3.0 + t * 0.4) * sin(uv.y * 2.5 - t * 0.6 + sin(uv.x * 1.7)) * 0.5 + 0.5;
    vec3 top = mix(vec3(0.35, 0.06, 0.12), vec3(0.12, 0.08, 0.32), 0.5 + 0.5 * sin(t * 0.45 + m.y * 3.0));
    vec3 col = mix(top, vec3(0.75, 0.3, 0.1), smoothstep(1.0, -1.0, uv.y));
    col += vec3(0.15, 0.07, 0.05) * smoke;

    vec2 gravity = vec2(0.0, -1.7);
    vec3 glow = vec3(0.0);
    float sway = sin(t * 0.5);
    vec2 originA = vec2(-0.65 + 0.3 * sin(t * 0.3), -1.05);
    vec2 originB = vec2(0.65 + 0.3 * cos(t * 0.23) + (m.x - 0.3) * 0.5, -1.05);
    for (int i = 0; i < 34; i++)
    {
        float fi = float(i);
        float src = mod(fi, 2.0);
        vec2 origin = src < 0.5 ? originA : originB;
        float life = 1.5;
        float phase = fi * 0.6180339 * life;
        float age = mod(t + phase, life);
        float gen = floor((t + phase) / life);
        vec4 r = sparkRand(fi, gen);
        vec2 v0 = vec2((r.x - 0.5) * 2.4 + (src < 0.5 ? 0.5 : -0.5) * sway, 1.9 + 1.2 * r.y);
        vec2 p1 = origin + v0 * age + 0.5 * gravity * age * age;
        float a0 = max(age - 0.07, 0.0);
        vec2 p0 = origin + v0 * a0 + 0.5 * gravity * a0 * a0;
        vec2 e = p1 - p0;
        vec2 w = uv - p0;
        float h = clamp(dot(w, e) / max(dot(e, e), 1e-6), 0.0, 1.0);
        vec2 dv = w - e * h;
        float d2 = dot(dv, dv);
        float heat = 1.0 - age / life;
        vec3 sc = mix(vec3(1.0, 0.2, 0.05), vec3(1.0, 0.85, 0.4), heat * heat);
        sc = mix(sc, vec3(1.0, 1.0, 0.9), heat * heat * heat);
        glow += sc * (0.003 / (d2 + 0.0007)) * (0.3 + heat) * (0.3 + 0.7 * h);
    }
    col += glow * 0.4;
    float base = exp(-length((uv - vec2(0.0, -1.1)) * vec2(0.6, 2.0)) * 2.0);
    col += vec3(1.0, 0.5, 0.15) * base * 0.5;
    col = 1.0 - exp(-col * 1.3);
    fragColor = vec4(clamp(col, 0.0, 1.0), 1.0);
}
