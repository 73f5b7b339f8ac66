// name: mandelbox-slice
// family: ifs
// tags: ifs, mandelbox, box-fold, sphere-fold, escape-time
// licence: MIT
// author: shaderbank contributors
// description: Two-dimensional Mandelbox: box folds and circle inversions with a negative scale, smooth escape colouring with an inversion-count tint.

void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = (fragCoord - 0.5 * iResolution.xy) / iResolution.y;
    vec2 m = iMouse.xy / max(iResolution.xy, vec2(1.0));
    float t = iTime;
    float zoom = 5.2 + 1.2 * sin(t * 0.3);
    float rot = 0.12 * t;
    vec2 c = mat2(cos(rot), -sin(rot), sin(rot), cos(rot)) * uv * zoom + (m - 0.5) * 2.0;
    float scale = -1.75 - 0.35 * sin(t * 0.37 + 0.5);
    float minR2 = 0.25;
    vec2 z = c;
    float dr = 1.0;
    float n = 0.0;
    float inv = 0.0;
    bool escaped = false;
    for (int i = 0; i < 24; i++)
    {
        z = clamp(z, -1.0, 1.0) * 2.0 - z;
        float r2 = dot(z, z);
        if (r2 < minR2) { z *= 1.0 / minR2; dr *= 1.0 / minR2; inv += 1.0; }
        else if (r2 < 1.0) { z /= r2; dr /= r2; inv += 0.5; }
        z = z * scale + c;
        dr = dr * abs(scale) + 1.0;
        if (dot(z, z) > 1e4) { escaped = true; break; }
        n += 1.0;
    }
    float r = length(z);
    vec3 col;
    if (escaped)
    {
        float sn = n - log2(max(log2(max(r, 1.0001)), 1e-4));
        col = 0.5 + 0.5 * cos(0.35 * sn + vec3(0.0, 0.8, 1.6) + 0.1 * t);
        col *= 0.7 + 0.3 * fract(inv * 0.25);
    }
    else
    {
        col = 0.5 + 0.4 * cos(inv * 0.3 + vec3(3.0, 4.0, 5.0) + t * 0.2);
    }
    float de = r / max(abs(dr), 1e-6);
    col = mix(col * 0.6, col, smoothstep(0.0, 0.03, de));
    col = pow(clamp(col, 0.0, 1.0), vec3(0.7));
    fragColor = vec4(clamp(col, 0.0, 1.0), 1.0);
}
