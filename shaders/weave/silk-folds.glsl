// name: silk-folds
// family: weave
// tags: weave, fabric, silk, folds, plain-weave, sheen
// licence: MIT
// author: shaderbank contributors
// description: Close-up of shot silk in plain weave billowing in soft folds, the warp and weft in different hues so the cloth flashes colour with the fold angle.

float folds(vec2 p, float t)
{
    return 0.35 * sin(p.x * 1.3 + 0.6 * sin(p.y * 0.8 + t * 0.5) + t * 0.9)
         + 0.18 * sin(p.x * 2.1 - p.y * 1.1 - t * 0.7)
         + 0.12 * sin(p.y * 2.7 + t * 1.1);
}

void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = (2.0 * fragCoord - iResolution.xy) / iResolution.y;
    vec2 m = iMouse.xy / max(iResolution.xy, vec2(1.0));
    float t = iTime;
    vec2 p = uv * 2.0 + m * 3.0;
    float e = 0.01;
    float h = folds(p, t);
    vec2 g = vec2(folds(p + vec2(e, 0.0), t) - h, folds(p + vec2(0.0, e), t) - h) / e;
    vec3 n = normalize(vec3(-g, 1.0));

    // plain weave threads, displaced a little by the folds
    vec2 w = (uv + 0.03 * g) * 13.0;
    vec2 th = floor(w);
    vec2 tf = w - th;
    bool warpUp = mod(th.x + th.y, 2.0) < 1.0;
    float prof = warpUp ? sin(3.14159265 * tf.x) : sin(3.14159265 * tf.y);

    float hue = 0.06 * t + m.x;
    vec3 warpCol = 0.5 + 0.5 * cos(6.2831853 * (hue + vec3(0.0, 0.33, 0.67)));
    vec3 weftCol = 0.5 + 0.5 * cos(6.2831853 * (hue + 0.35 + vec3(0.0, 0.33, 0.67)));
    vec3 lightDir = normalize(vec3(0.5 * cos(t * 0.4), 0.6, 0.8));
    float dif = max(dot(n, lightDir), 0.0);
    // threads running in x catch light from x-facing slopes and vice versa
    float aniso = smoothstep(0.0, 0.5, abs(n.x) - abs(n.y) + 0.25);
    vec3 shot = mix(warpCol, weftCol, aniso);
    vec3 base = mix(shot, warpUp ? warpCol : weftCol, 0.3);
    float gap = warpUp ? min(tf.x, 1.0 - tf.x) : min(tf.y, 1.0 - tf.y);
    vec3 col = base * (0.3 + 0.8 * dif) * (0.6 + 0.4 * prof) * (0.6 + 0.4 * smoothstep(0.0, 0.12, gap));
    float spec = pow(max(dot(reflect(-lightDir, n), vec3(0.0, 0.0, 1.0)), 0.0), 12.0);
    col += 0.35 * spec * mix(warpCol, vec3(1.0), 0.5) * prof;
    fragColor = vec4(clamp(col, 0.0, 1.0), 1.0);
}
