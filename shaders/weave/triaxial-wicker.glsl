// name: triaxial-wicker
// family: weave
// tags: weave, triaxial, kagome, wicker, basketry, strips
// licence: MIT
// author: shaderbank contributors
// description: Triaxial wicker of three strip families at sixty degrees, each passing over one family and under the other around hexagonal holes, with dyed and natural cane.

void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = (2.0 * fragCoord - iResolution.xy) / iResolution.y;
    vec2 m = iMouse.xy / max(iResolution.xy, vec2(1.0));
    float t = iTime;
    float scale = 3.2 + 0.6 * sin(t * 0.23);
    float px = scale * 2.0 / iResolution.y;
    float rot = 0.07 * t + m.x;
    vec2 p = mat2(cos(rot), -sin(rot), sin(rot), cos(rot)) * uv * scale + vec2(0.2 * t, 0.35 * t);

    vec2 nrm[3];
    nrm[0] = vec2(0.0, 1.0);
    nrm[1] = vec2(-0.8660254, -0.5);
    nrm[2] = vec2(0.8660254, -0.5);
    float width = 0.2 + 0.04 * sin(t * 0.5);

    float hue = 0.05 * t + m.y;
    vec3 famCol[3];
    famCol[0] = vec3(0.92, 0.78, 0.52);
    famCol[1] = 0.5 + 0.4 * cos(6.2831853 * (hue + vec3(0.0, 0.33, 0.67)));
    famCol[2] = 0.5 + 0.4 * cos(6.2831853 * (hue + 0.5 + vec3(0.0, 0.33, 0.67)));

    float dist[3];
    bool on[3];
    for (int i = 0; i < 3; i++)
    {
        float s = dot(p, nrm[i]) + 1.0 / 6.0;
        dist[i] = abs(s - floor(s + 0.5)) * 0.8660254;
        on[i] = dist[i] < width;
    }
    int top = -1;
    for (int i = 0; i < 3; i++)
    {
        if (!on[i]) continue;
        int over = (i + 1) % 3;
        int under = (i + 2) % 3;
        // strip i lies over family i+1 and under family i+2
        if (on[under]) continue;
        top = i;
    }
    if (top < 0)
    {
        for (int i = 0; i < 3; i++) if (on[i]) top = i;
    }

    vec3 hole = mix(vec3(0.12, 0.08, 0.15), vec3(0.35, 0.15, 0.2), 0.5 + 0.5 * sin(t * 0.3));
    vec3 col = hole;
    if (top >= 0)
    {
        float u = dist[top] / width;
        vec3 c = famCol[top] * (0.55 + 0.45 * sqrt(max(1.0 - u * u, 0.0)));
        float grain = sin(dot(p, vec2(nrm[top].y, -nrm[top].x)) * 40.0 + u * 3.0);
        c *= 0.92 + 0.08 * grain;
        int under = (top + 2) % 3;
        int over = (top + 1) % 3;
        // shade a strip where it dives beneath the family above it
        float nearUnder = 1.0 - smoothstep(width, width + 0.12, dist[under]);
        c *= 1.0 - 0.35 * nearUnder * (on[under] ? 0.0 : 1.0);
        float nearOver = on[over] ? 1.0 - smoothstep(width - 0.1, width, dist[over]) : 0.0;
        c *= 1.0 - 0.2 * (1.0 - nearOver) * (on[over] ? 1.0 : 0.0);
        c *= 0.7 + 0.3 * smoothstep(0.0, px * 1.5, width - dist[top]);
        col = c;
    }
    fragColor = vec4(clamp(col, 0.0, 1.0), 1.0);
}
