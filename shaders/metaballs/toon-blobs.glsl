// name: toon-blobs
// family: metaballs
// tags: metaballs, toon, cel-shading, outline, halftone
// licence: MIT
// author: shaderbank contributors
// description: Cel-shaded cartoon metaballs with three-tone lighting from field-gradient normals and thick ink outlines, over a halftone-dot comic background.

void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = (fragCoord - 0.5 * iResolution.xy) / iResolution.y;
    vec2 m = iMouse.xy / max(iResolution.xy, vec2(1.0));
    float t = iTime;
    float field = 0.0;
    vec2 grad = vec2(0.0);
    float idWeight = 0.0;
    float bestW = 0.0;
    for (int i = 0; i < 6; i++)
    {
        float fi = float(i);
        vec2 c = vec2(0.7 * sin(t * (0.4 + 0.07 * fi) + fi * 1.9 + m.x * 3.0),
                      0.38 * cos(t * (0.33 + 0.09 * fi) + fi * 2.6 + m.y * 3.0));
        float r2 = 0.016 + 0.008 * fi;
        vec2 d = uv - c;
        float q = dot(d, d) + 1e-4;
        float w = r2 / q;
        field += w;
        grad += -2.0 * r2 * d / (q * q);
        if (w > bestW) { bestW = w; idWeight = fi; }
    }
    float iso = 1.0;
    float h = field - iso;
    vec3 n = normalize(vec3(-grad * 0.08, 1.0));
    vec3 light = normalize(vec3(-0.5, 0.6, 0.6));
    float diff = dot(n, light);
    float tone = diff > 0.8 ? 1.0 : (diff > 0.35 ? 0.72 : 0.45);
    vec3 base = 0.55 + 0.45 * cos(6.2831853 * (idWeight * 0.17 + vec3(0.0, 0.33, 0.67) + 0.02 * t));
    vec3 body = base * tone;
    body += vec3(1.0) * smoothstep(0.96, 0.99, diff) * 0.6;
    // halftone dots whose size follows a diagonal gradient
    vec2 g = uv * 26.0;
    vec2 gc = fract(mat2(0.7071, -0.7071, 0.7071, 0.7071) * g) - 0.5;
    float dotR = 0.15 + 0.25 * (0.5 + 0.5 * sin(uv.x * 2.0 + uv.y * 1.5 + t * 0.5));
    vec3 bg = mix(vec3(1.0, 0.9, 0.55), vec3(0.95, 0.45, 0.35), smoothstep(dotR, dotR - 0.08, length(gc)));
    float inside = smoothstep(-0.03, 0.03, h);
    vec3 col = mix(bg, body, inside);
    // outline: a band around the iso level, widened by the gradient length
    float gl = max(length(grad), 1e-3);
    float dist = abs(h) / gl;
    col = mix(col, vec3(0.08, 0.05, 0.1), smoothstep(0.018, 0.01, dist) * step(abs(h), 0.6));
    fragColor = vec4(clamp(col, 0.0, 1.0), 1.0);
}
