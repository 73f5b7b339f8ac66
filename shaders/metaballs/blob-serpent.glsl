// name: blob-serpent
// family: metaballs
// tags: metaballs, chain, serpent, lissajous, gradient
// licence: MIT
// author: shaderbank contributors
// description: Two serpents of twelve metaballs each following Lissajous paths, merging into smooth bodies with banded colour along their length over a scaled backdrop.

void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = (fragCoord - 0.5 * iResolution.xy) / iResolution.y;
    vec2 m = iMouse.xy / max(iResolution.xy, vec2(1.0));
    float t = iTime;
    float field = 0.0;
    float along = 0.0;
    float wsum = 0.0;
    float which = 0.0;
    for (int s = 0; s < 2; s++)
    {
        float fs = float(s);
        for (int i = 0; i < 12; i++)
        {
            float fi = float(i);
            float tt = t * (0.6 + 0.15 * fs) - fi * 0.14 + fs * 3.0;
            vec2 c = vec2(0.75 * sin(tt * 1.3 + m.x * 2.0), 0.42 * sin(tt * 1.9 + 0.5 + fs * 1.5 + m.y * 2.0));
            float r = 0.08 * (1.0 - 0.5 * fi / 12.0);
            vec2 d = uv - c;
            float w = r * r / (dot(d, d) + 1e-4);
            field += w;
            along += w * fi;
            wsum += w;
            which += w * fs;
        }
    }
    float u = along / max(wsum, 1e-5);
    float sid = which / max(wsum, 1e-5);
    float inside = smoothstep(0.9, 1.1, field);
    vec3 c0 = mix(vec3(0.95, 0.8, 0.2), vec3(0.2, 0.8, 0.4), sid);
    vec3 c1 = mix(vec3(0.85, 0.2, 0.3), vec3(0.2, 0.35, 0.9), sid);
    vec3 body = mix(c0, c1, 0.5 + 0.5 * sin(u * 1.6));
    body *= 0.6 + 0.4 * clamp((field - 1.0) * 0.5, 0.0, 1.0) + 0.2;
    vec2 sc = uv * 10.0;
    vec2 sf = fract(vec2(sc.x + 0.5 * step(1.0, mod(sc.y, 2.0)), sc.y)) - 0.5;
    vec3 bg = mix(vec3(0.35, 0.55, 0.45), vec3(0.55, 0.7, 0.5), smoothstep(0.45, 0.2, length(sf)));
    bg += 0.15 * smoothstep(0.2, 1.0, field);
    vec3 col = mix(bg, body, inside);
    col = mix(col, vec3(0.1, 0.1, 0.08), smoothstep(0.15, 0.0, abs(field - 1.0)) * 0.5);
    fragColor = vec4(clamp(col, 0.0, 1.0), 1.0);
}
