// name: charge-field
// family: flow
// tags: flow, field-lines, electrostatics, equipotential, charges
// licence: MIT
// author: shaderbank contributors
// description: Field lines and equipotential bands of six moving point charges, lines from the angle-sum flux function, bands tinted red for positive and blue for negative potential.

void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = (fragCoord - 0.5 * iResolution.xy) / iResolution.y;
    vec2 m = iMouse.xy / max(iResolution.xy, vec2(1.0));
    float t = iTime;
    float pot = 0.0;
    float flux = 0.0;
    for (int i = 0; i < 6; i++)
    {
        float fi = float(i);
        float q = mod(fi, 2.0) < 0.5 ? 1.0 : -1.0;
        vec2 c = vec2(0.65 * sin(t * (0.17 + 0.03 * fi) + fi * 2.1 + m.x * 3.0),
                      0.42 * cos(t * (0.21 + 0.02 * fi) + fi * 1.3 + m.y * 3.0));
        vec2 d = uv - c;
        pot += q * -0.5 * log(dot(d, d) + 1e-4);
        // flux function of a 2D point charge: q times the polar angle
        flux += q * atan(d.y, d.x);
    }
    float lines = abs(fract(flux * 12.0 / 6.2831853) - 0.5);
    float lineMask = smoothstep(0.12, 0.02, lines);
    float lv = pot * 2.0;
    float band = floor(lv);
    float fb = lv - band;
    vec3 pos = vec3(0.95, 0.35, 0.25);
    vec3 neg = vec3(0.2, 0.45, 0.95);
    vec3 mid = vec3(0.95, 0.9, 0.75);
    float s = tanh(band * 0.25);
    vec3 ground = s > 0.0 ? mix(mid, pos, s) : mix(mid, neg, -s);
    ground *= 0.8 + 0.2 * fb;
    vec3 col = mix(ground, vec3(0.1, 0.08, 0.15), lineMask * 0.75);
    fragColor = vec4(clamp(col, 0.0, 1.0), 1.0);
}
