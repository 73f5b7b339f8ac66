// name: p6-pinwheel
// family: tilings
// tags: tiling, wallpaper-group, p6, hexagonal, motif, rotation
// licence: MIT
// author: shaderbank contributors
// description: Wallpaper group p6: six curved pinwheel arms around every hexagon centre, arms twisting and turning together and coloured in three alternating hues.

vec4 hexCell(vec2 p)
{
    vec2 s = vec2(1.0, 1.7320508);
    vec2 a = mod(p, s) - 0.5 * s;
    vec2 b = mod(p - 0.5 * s, s) - 0.5 * s;
    vec2 l = dot(a, a) < dot(b, b) ? a : b;
    return vec4(l, p - l);
}

void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = (2.0 * fragCoord - iResolution.xy) / iResolution.y;
    vec2 m = iMouse.xy / max(iResolution.xy, vec2(1.0));
    float t = iTime;
    float scale = 1.9 + 0.4 * sin(t * 0.15);
    float px = scale * 2.0 / iResolution.y;
    float rot = 0.05 * t + m.x;
    vec2 p = mat2(cos(rot), -sin(rot), sin(rot), cos(rot)) * uv * scale + vec2(0.2 * t, 0.1 * t);
    vec4 h = hexCell(p);
    vec2 l = h.xy;

    float r = length(l);
    float a = atan(l.y, l.x);
    float twist = 3.2 * sin(t * 0.45) + (m.y - 0.5) * 2.0;
    float th = a + twist * r - t * 0.6;
    float k = floor((th + 0.5235988) / 1.0471976);
    float local = th - k * 1.0471976;
    float w = 0.38 * (1.0 - r * 1.4) + 0.06;
    float armD = (abs(local) - w) * r;
    armD = max(armD, r - 0.44);
    float tipD = length(vec2(r - 0.4, local * r)) - 0.05;

    float sector = mod(k + 60.0, 3.0);
    float hue = 0.05 * t + m.x * 0.3;
    vec3 back = 0.5 + 0.35 * cos(6.2831853 * (hue + vec3(0.0, 0.3, 0.6)));
    back *= 0.7 + 0.5 * r;
    vec3 arm = 0.55 + 0.45 * cos(6.2831853 * (hue + 0.3 + sector / 3.0 + vec3(0.0, 0.33, 0.67)));
    arm *= 0.8 + 0.3 * (local / max(w, 0.01));
    vec3 col = back;
    col = mix(col, vec3(0.08, 0.06, 0.12), 1.0 - smoothstep(0.0, px, armD - 0.015));
    col = mix(col, arm, 1.0 - smoothstep(0.0, px, armD));
    col = mix(col, vec3(1.0, 0.96, 0.85), 1.0 - smoothstep(0.0, px, tipD));
    col = mix(col, vec3(0.95, 0.9, 0.7), 1.0 - smoothstep(0.0, px, r - 0.06));
    float hexD = 0.5 - max(abs(l.x), max(abs(dot(l, vec2(0.5, 0.8660254))), abs(dot(l, vec2(-0.5, 0.8660254)))));
    col *= 0.7 + 0.3 * smoothstep(0.0, 0.04 + px, hexD);
    fragColor = vec4(clamp(col, 0.0, 1.0), 1.0);
}
