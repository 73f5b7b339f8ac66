// name: phoenix-julia
// family: fractal
// tags: fractal, phoenix, julia, escape-time, two-step-recurrence
// licence: MIT
// author: shaderbank contributors
// description: Phoenix fractal z' = z^2 + c + p z_prev with c and p drifting in time, smooth escape colouring and an interior tinted by the last step length.

void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = (fragCoord - 0.5 * iResolution.xy) / iResolution.y;
    vec2 m = iMouse.xy / max(iResolution.xy, vec2(1.0));
    float t = iTime;
    vec2 z = vec2(uv.y, uv.x) * 2.6;
    vec2 prev = vec2(0.0);
    float c = 0.5667 + 0.06 * sin(t * 0.31) + 0.05 * (m.x - 0.5);
    vec2 p = vec2(-0.5 + 0.12 * cos(t * 0.23), 0.1 * sin(t * 0.41) + 0.05 * (m.y - 0.5));
    float n = 0.0;
    float r2 = 0.0;
    bool escaped = false;
    for (int i = 0; i < 96; i++)
    {
        vec2 zz = vec2(z.x * z.x - z.y * z.y, 2.0 * z.x * z.y);
        vec2 pz = vec2(p.x * prev.x - p.y * prev.y, p.x * prev.y + p.y * prev.x);
        vec2 nz = zz + vec2(c, 0.0) + pz;
        prev = z;
        z = nz;
        r2 = dot(z, z);
        if (r2 > 256.0) { escaped = true; break; }
        n += 1.0;
    }
    vec3 col;
    if (escaped)
    {
        float sn = n + 1.0 - log2(max(log2(r2) * 0.5, 1e-6));
        float v = sqrt(max(sn, 0.0)) * 0.35 - 0.05 * t;
        col = 0.5 + 0.5 * cos(6.2831853 * (v + vec3(0.05, 0.25, 0.45)));
        col = mix(vec3(0.95, 0.6, 0.3), col, smoothstep(1.0, 6.0, sn));
    }
    else
    {
        float step1 = length(z - prev);
        col = mix(vec3(0.2, 0.1, 0.4), vec3(0.3, 0.8, 0.7), clamp(step1, 0.0, 1.0));
    }
    fragColor = vec4(clamp(col, 0.0, 1.0), 1.0);
}
