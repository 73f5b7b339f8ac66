// name: triangle-beads
// family: kaleido
// tags: kaleidoscope, three-mirror, triangle, beads, wallpaper
// licence: MIT
// author: shaderbank contributors
// description: A three-mirror toy kaleidoscope: the plane folded into one equilateral triangle by repeated reflections, with drifting translucent glass beads inside it.

vec2 reflectLine(vec2 p, vec2 a, vec2 n)
{
    float d = dot(p - a, n);
    return d < 0.0 ? p - 2.0 * d * n : p;
}

void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = (fragCoord - 0.5 * iResolution.xy) / iResolution.y;
    vec2 m = iMouse.xy / max(iResolution.xy, vec2(1.0));
    float t = iTime;
    float rot = 0.07 * t;
    vec2 p = mat2(cos(rot), -sin(rot), sin(rot), cos(rot)) * uv * 2.3;
    // triangle A(0,0) B(1,0) C(0.5,0.866); inward normals of its three sides
    vec2 A = vec2(-0.5, -0.2887);
    vec2 B = vec2(0.5, -0.2887);
    vec2 C = vec2(0.0, 0.5774);
    vec2 nAB = vec2(0.0, 1.0);
    vec2 nBC = vec2(-0.8660254, -0.5);
    vec2 nCA = vec2(0.8660254, -0.5);
    for (int i = 0; i < 5; i++)
    {
        p = reflectLine(p, A, nAB);
        p = reflectLine(p, B, nBC);
        p = reflectLine(p, C, nCA);
    }
    vec3 acc = vec3(0.0);
    float trans = 1.0;
    for (int k = 0; k < 8; k++)
    {
        float fk = float(k);
        vec2 c = 0.32 * vec2(sin(t * (0.3 + 0.07 * fk) + fk * 2.3 + m.x * 4.0), cos(t * (0.25 + 0.05 * fk) + fk * 1.7 + m.y * 4.0));
        float r = 0.07 + 0.07 * fract(fk * 0.618);
        float d = length(p - c) - r;
        float a = smoothstep(0.01, -0.01, d) * 0.65;
        vec3 glass = 0.55 + 0.45 * cos(6.2831853 * (fk * 0.125 + vec3(0.0, 0.33, 0.67)));
        glass += 0.35 * smoothstep(-0.3 * r, 0.0, d);
        acc += trans * a * glass;
        trans *= 1.0 - a;
    }
    float stripe = 0.5 + 0.5 * sin(length(p - A) * 30.0 - t * 1.5);
    vec3 bg = mix(vec3(0.25, 0.15, 0.4), vec3(0.15, 0.4, 0.5), smoothstep(0.0, 0.9, length(p - B)));
    bg *= 0.75 + 0.35 * stripe;
    vec3 col = acc + trans * bg;
    float edge = min(min(dot(p - A, nAB), dot(p - B, nBC)), dot(p - C, nCA));
    col *= 0.8 + 0.2 * smoothstep(0.0, 0.05, edge);
    fragColor = vec4(clamp(col, 0.0, 1.0), 1.0);
}
