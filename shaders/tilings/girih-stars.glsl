// name: girih-stars
// family: tilings
// tags: tiling, islamic, star, cross, strapwork
// licence: MIT
// author: shaderbank contributors
// description: Eight-pointed star and cross pattern on a square grid with light strapwork bands, inner rosettes and tile colours that breathe as the stars sharpen and soften.

float starDist(vec2 p, float ro, float ri, float n)
{
    float seg = 3.14159265 / n;
    float a = atan(p.y, p.x);
    a = abs(mod(a + seg, 2.0 * seg) - seg);
    vec2 q = length(p) * vec2(cos(a), sin(a));
    vec2 tip = vec2(ro, 0.0);
    vec2 e = ri * vec2(cos(seg), sin(seg)) - tip;
    vec2 w = q - tip;
    float h = clamp(dot(w, e) / dot(e, e), 0.0, 1.0);
    float d = length(w - e * h);
    float s = e.x * w.y - e.y * w.x;
    return s > 0.0 ? -d : d;
}

void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = (2.0 * fragCoord - iResolution.xy) / iResolution.y;
    vec2 m = iMouse.xy / max(iResolution.xy, vec2(1.0));
    float t = iTime;
    float scale = 2.4 + 0.5 * sin(t * 0.2);
    float px = scale * 2.0 / iResolution.y;
    float rot = 0.04 * t;
    vec2 p = mat2(cos(rot), -sin(rot), sin(rot), cos(rot)) * uv * scale + vec2(0.3 * t, 0.17 * t) + m * 3.0;
    vec2 cell = floor(p);
    vec2 f = p - cell - 0.5;

    float ri = 0.27 + 0.07 * sin(t * 0.6 + 0.3 * (cell.x + cell.y));
    float d = starDist(f, 0.5, ri, 8.0);
    float inner = starDist(mat2(cos(t * 0.4), -sin(t * 0.4), sin(t * 0.4), cos(t * 0.4)) * f, 0.2, 0.11 + 0.04 * sin(t), 8.0);

    // the cross-shaped gaps around each grid corner
    vec2 g = abs(p - floor(p + 0.5));
    float crossD = min(g.x, g.y);

    float hue = 0.07 * t + m.y * 0.5;
    vec3 starCol = 0.45 + 0.45 * cos(6.2831853 * (hue + vec3(0.0, 0.33, 0.67)));
    vec3 crossCol = 0.45 + 0.45 * cos(6.2831853 * (hue + 0.42 + vec3(0.0, 0.33, 0.67)));
    vec3 roseCol = 0.55 + 0.45 * cos(6.2831853 * (hue + 0.7 + vec3(0.0, 0.33, 0.67)));
    vec3 band = vec3(0.97, 0.92, 0.78);
    vec3 ink = vec3(0.1, 0.08, 0.15);

    vec3 col = d < 0.0 ? starCol : crossCol;
    col *= d < 0.0 ? 0.85 + 0.3 * length(f) : 0.9 + 0.15 * cos(crossD * 25.0);
    col = mix(col, roseCol, 1.0 - smoothstep(0.0, px, inner));
    col = mix(col, ink, 1.0 - smoothstep(0.012, 0.012 + px, abs(inner)));
    float w = 0.03;
    float ad = abs(d);
    col = mix(col, ink, 1.0 - smoothstep(w + 0.02, w + 0.02 + px, ad));
    col = mix(col, band, 1.0 - smoothstep(w, w + px, ad));
    fragColor = vec4(clamp(col, 0.0, 1.0), 1.0);
}
