// name: marbled-ink
// family: flow
// tags: flow, advection, marbling, ink, suminagashi
// licence: MIT
// author: shaderbank contributors
// description: Paper-marbling look from backward advection of striped ink through a time-varying swirling velocity field.

vec2 velocity(vec2 p, float t)
{
    vec2 v = vec2(sin(p.y * 2.1 + t * 0.9), cos(p.x * 1.7 - t * 0.7));
    v += 0.6 * vec2(cos(p.y * 3.3 - p.x * 1.1 + t * 1.3), sin(p.x * 2.9 + p.y * 0.7 - t));
    vec2 c = vec2(sin(t * 0.4), cos(t * 0.3)) * 0.8;
    vec2 d = p - c;
    v += 1.6 * vec2(-d.y, d.x) * exp(-dot(d, d) * 2.0);
    return v;
}

void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = (2.0 * fragCoord - iResolution.xy) / iResolution.y;
    vec2 m = iMouse.xy / max(iResolution.xy, vec2(1.0));
    float t = iTime;
    vec2 p = uv * 1.3 + (m - 0.5);
    for (int i = 0; i < 14; i++)
    {
        float tt = t - float(i) * 0.1;
        p -= 0.075 * velocity(p, tt);
    }
    float band = p.x * 3.5 + 0.4 * sin(p.y * 3.0);
    float idx = floor(band);
    float f = fract(band);
    float k = mod(idx, 4.0);
    vec3 indigo = vec3(0.12, 0.18, 0.5);
    vec3 crimson = vec3(0.78, 0.12, 0.16);
    vec3 cream = vec3(0.96, 0.9, 0.76);
    vec3 ochre = vec3(0.88, 0.6, 0.15);
    vec3 ink = k < 0.5 ? indigo : (k < 1.5 ? cream : (k < 2.5 ? crimson : ochre));
    vec3 col = ink * (0.8 + 0.25 * sin(f * 3.1415927));
    col = mix(col, cream, 0.5 * smoothstep(0.06, 0.0, abs(fract(band * 3.0) - 0.5) - 0.44) * step(1.5, k));
    col = mix(col, vec3(0.1, 0.08, 0.12), smoothstep(0.0, 0.04, abs(f - 0.5) - 0.44) * 0.7);
    fragColor = vec4(clamp(col, 0.0, 1.0), 1.0);
}
