// name: chrome-drops
// family: metaballs
// tags: metaballs, implicit, chrome, reflection, environment
// licence: MIT
// author: shaderbank contributors
// description: Metaball field treated as a height map with analytic normals, shaded as liquid chrome reflecting a sunset studio environment.

vec3 matcap(vec3 n, float t)
{
    float tilt = 0.25 * sin(t * 0.4);
    float hz = n.y + tilt * n.x;
    vec3 sky = mix(vec3(0.55, 0.7, 0.95), vec3(0.15, 0.2, 0.6), smoothstep(0.0, 0.9, hz));
    vec3 ground = mix(vec3(0.45, 0.25, 0.12), vec3(0.12, 0.07, 0.08), smoothstep(0.0, -0.7, hz));
    vec3 c = mix(ground, sky, smoothstep(-0.03, 0.03, hz));
    c += vec3(1.0, 0.55, 0.2) * exp(-abs(hz) * 14.0) * 0.7;
    vec2 lp = vec2(0.4 * cos(t * 0.3), 0.45);
    c += vec3(1.0, 0.97, 0.92) * smoothstep(0.22, 0.12, length(n.xy - lp));
    c *= 0.55 + 0.45 * n.z;
    return c;
}

void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = (2.0 * fragCoord - iResolution.xy) / iResolution.y;
    vec2 m = iMouse.xy / max(iResolution.xy, vec2(1.0));
    float t = iTime;
    float field = 0.0;
    vec2 grad = vec2(0.0);
    for (int i = 0; i < 7; i++)
    {
        float fi = float(i);
        vec2 c = vec2(1.1 * sin(t * (0.37 + 0.06 * fi) + fi * 2.7),
                      0.8 * cos(t * (0.29 + 0.07 * fi) + fi * 1.4)) + (m - 0.5) * 0.4;
        float r2 = 0.05 + 0.02 * fi;
        vec2 d = uv - c;
        float q = dot(d, d) + r2;
        field += r2 / q;
        grad += -2.0 * r2 * d / (q * q);
    }
    float iso = 1.25;
    float h = field - iso;
    float hs = sqrt(max(h, 0.0)) * 2.0 + 0.08;
    vec3 n = normalize(vec3(-grad / hs * 0.5, 1.0));
    vec3 chrome = matcap(n, t);

    vec3 bg = mix(vec3(0.85, 0.6, 0.7), vec3(0.4, 0.5, 0.75), 0.5 + 0.5 * uv.y);
    float stripes = step(0.5, fract((uv.x + uv.y) * 4.0 + t * 0.2));
    bg *= 0.9 + 0.1 * stripes;
    bg *= 1.0 - 0.35 * smoothstep(0.3, 0.9, field);
    vec3 col = mix(bg, chrome, smoothstep(-0.02, 0.02, h));
    fragColor = vec4(clamp(col, 0.0, 1.0), 1.0);
}
