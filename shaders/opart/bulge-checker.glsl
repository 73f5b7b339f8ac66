// name: bulge-checker
// family: opart
// tags: op-art, checkerboard, lens, distortion, vasarely
// licence: MIT
// author: shaderbank contributors
// description: Vasarely-style checkerboard swollen by two wandering lens bulges, cells shaded by local magnification in red and cyan.

vec2 bulge(vec2 p, vec2 c, float radius, float strength, out float mag)
{
    vec2 d = p - c;
    float r = length(d);
    float k = exp(-r * r / (radius * radius));
    mag = k * strength;
    return c + d * (1.0 - strength * k);
}

void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = (2.0 * fragCoord - iResolution.xy) / iResolution.y;
    vec2 m = iMouse.xy / max(iResolution.xy, vec2(1.0));
    float t = iTime;
    vec2 c1 = vec2(0.8 * sin(t * 0.35), 0.5 * cos(t * 0.27)) + (m - 0.5) * 0.5;
    vec2 c2 = vec2(0.9 * cos(t * 0.21 + 2.0), 0.6 * sin(t * 0.33 + 1.0));
    float m1 = 0.0;
    float m2 = 0.0;
    vec2 p = bulge(uv, c1, 0.7, 0.55, m1);
    p = bulge(p, c2, 0.5, -0.5 * sin(t * 0.4), m2);
    float rot = 0.1 * t;
    p = mat2(cos(rot), -sin(rot), sin(rot), cos(rot)) * p;
    vec2 g = p * 6.0;
    vec2 cell = floor(g);
    vec2 f = g - cell - 0.5;
    float checker = mod(cell.x + cell.y, 2.0);
    float dotMask = smoothstep(0.3 + 0.15 * m1, 0.26 + 0.15 * m1, length(f));

    vec3 red = vec3(0.9, 0.15, 0.2);
    vec3 cyan = vec3(0.1, 0.75, 0.85);
    vec3 cream = vec3(0.97, 0.93, 0.85);
    vec3 ink = vec3(0.08, 0.06, 0.18);
    vec3 a = mix(red, cyan, clamp(m1 * 1.8, 0.0, 1.0));
    vec3 col = checker > 0.5 ? a : cream;
    vec3 dotCol = checker > 0.5 ? cream : ink;
    col = mix(col, dotCol, dotMask * smoothstep(0.0, 0.3, abs(m1 - m2) + 0.1));
    fragColor = vec4(col, 1.0);
}
