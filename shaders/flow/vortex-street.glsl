// name: vortex-street
// family: flow
// tags: flow, vortex-street, karman, advection, dye
// licence: MIT
// author: shaderbank contributors
// description: A Karman vortex street of alternating point vortices sliding downstream, dye bands traced back through the flow so they curl around each vortex.

vec2 velocity(vec2 p, float t)
{
    vec2 v = vec2(0.7, 0.0);
    float spacing = 0.9;
    // the street slides downstream without wrapping, so no two times repeat
    float shift = t * 0.16 - 0.8;
    for (int i = -4; i <= 2; i++)
    {
        float fi = float(i);
        for (int row = 0; row < 2; row++)
        {
            float s = float(row) * 2.0 - 1.0;
            vec2 c = vec2(fi * spacing + shift + float(row) * spacing * 0.5, (0.18 + 0.05 * sin(t * 0.4 + fi)) * s);
            vec2 d = p - c;
            float r2 = dot(d, d) + 0.02;
            v += -s * (0.22 + 0.06 * sin(fi * 1.7 + float(row))) * vec2(-d.y, d.x) / r2;
        }
    }
    return v;
}

void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = (fragCoord - 0.5 * iResolution.xy) / iResolution.y;
    vec2 m = iMouse.xy / max(iResolution.xy, vec2(1.0));
    float t = iTime;
    float tilt = 0.35 * sin(t * 0.27);
    float zoom = 1.6 + 0.5 * sin(t * 0.19 + 1.0);
    vec2 p = mat2(cos(tilt), -sin(tilt), sin(tilt), cos(tilt)) * uv * zoom + vec2((m.x - 0.5) * 0.5, (m.y - 0.5) * 0.3);
    // trace backwards: where did this fluid parcel come from?
    for (int i = 0; i < 6; i++)
        p -= 0.075 * velocity(p, t - float(i) * 0.075);
    float band = p.y * (6.0 + 2.0 * sin(t * 0.23)) + 0.3 * sin(p.x * 2.0 + t * 0.5);
    float idx = floor(band);
    float f = fract(band);
    vec3 c0 = 0.55 + 0.45 * cos(6.2831853 * (idx * 0.19 + vec3(0.0, 0.33, 0.67) + 0.06 * t));
    vec3 col = c0 * (0.7 + 0.3 * sin(f * 3.1415927));
    col = mix(col, vec3(0.98, 0.95, 0.9), smoothstep(0.1, 0.0, abs(f - 0.5) - 0.38) * 0.3);
    float streak = 0.5 + 0.5 * sin(p.x * 9.0 - t * 1.5);
    col *= 0.85 + 0.15 * streak;
    fragColor = vec4(clamp(col, 0.0, 1.0), 1.0);
}
