// name: sierpinski-address
// family: ifs
// tags: ifs, sierpinski, nearest-vertex, address-colouring, twist
// licence: MIT
// author: shaderbank contributors
// description: Twisted Sierpinski triangle from nearest-vertex folding with a turning twist per level, every point tinted by its vertex address.

void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = (fragCoord - 0.5 * iResolution.xy) / iResolution.y;
    vec2 m = iMouse.xy / max(iResolution.xy, vec2(1.0));
    float t = iTime;
    vec2 p = uv * 2.3 + vec2(0.0, 0.15);
    vec2 v0 = vec2(0.0, 1.0);
    vec2 v1 = vec2(-0.8660254, -0.5);
    vec2 v2 = vec2(0.8660254, -0.5);
    float tw = 0.35 * sin(t * 0.45) + 0.25 * sin(t * 0.17 + 1.0) + (m.x - 0.5) * 0.6;
    mat2 rot = mat2(cos(tw), -sin(tw), sin(tw), cos(tw));
    float sc = 1.9 + 0.15 * sin(t * 0.3 + m.y * 3.0);
    float hue = 0.0;
    float w = 0.5;
    float scale = 1.0;
    float trap = 1e9;
    for (int i = 0; i < 9; i++)
    {
        float d0 = dot(p - v0, p - v0);
        float d1 = dot(p - v1, p - v1);
        float d2 = dot(p - v2, p - v2);
        vec2 v = v0;
        float k = 0.0;
        if (d1 < d0 && d1 < d2) { v = v1; k = 1.0; }
        else if (d2 < d0) { v = v2; k = 2.0; }
        hue += w * k / 3.0;
        w *= 0.55;
        p = v + sc * rot * (p - v);
        scale *= sc;
        trap = min(trap, abs(length(p) - 0.5) / scale);
    }
    float d = (length(p) - 1.0) / scale;
    vec3 col = 0.55 + 0.45 * cos(6.2831853 * (hue * 1.3 + vec3(0.0, 0.3, 0.6) + 0.05 * t));
    col *= 0.6 + 0.4 * smoothstep(0.0, 0.02, d);
    col = mix(col, vec3(1.0, 0.97, 0.85), smoothstep(0.006, 0.0, trap) * 0.7);
    col *= 0.8 + 0.2 * smoothstep(-0.5, 0.5, uv.y);
    fragColor = vec4(clamp(col, 0.0, 1.0), 1.0);
}
