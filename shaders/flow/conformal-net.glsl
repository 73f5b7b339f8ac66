// name: conformal-net
// family: flow
// tags: flow, potential-flow, sources, sinks, conformal-grid
// licence: MIT
// author: shaderbank contributors
// description: Potential flow of wandering sources, sinks and a swirl drawn as a checkerboard of potential against stream function, the potential cells marching along the flow.

void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = (fragCoord - 0.5 * iResolution.xy) / iResolution.y;
    vec2 m = iMouse.xy / max(iResolution.xy, vec2(1.0));
    float t = iTime;
    float phi = 0.0;
    float psi = 0.0;
    // free stream
    float ua = 0.4 * sin(t * 0.15) + m.x * 2.0;
    vec2 U = 0.8 * vec2(cos(ua), sin(ua));
    phi += dot(uv, U);
    psi += U.x * uv.y - U.y * uv.x;
    for (int i = 0; i < 4; i++)
    {
        float fi = float(i);
        vec2 c = vec2(0.7 * sin(t * (0.19 + 0.04 * fi) + fi * 1.7), 0.4 * cos(t * (0.23 + 0.03 * fi) + fi * 2.9 + m.y * 2.0));
        vec2 d = uv - c;
        // strengths chosen so the log branch cut shifts the grid by whole even cells (no seam)
        float q = (mod(fi, 2.0) < 0.5 ? 4.0 : -4.0) / (9.0 * 3.1415927);
        float g = (fi < 1.5 ? 2.0 : -2.0) / (9.0 * 3.1415927);
        float lr = 0.5 * log(dot(d, d) + 1e-3);
        float th = atan(d.y, d.x);
        // source/sink strength q and swirl g: complex potential (q - i g) log z
        phi += q * lr - g * th;
        psi += q * th + g * lr;
    }
    float a = phi * 9.0 - t * 1.5;
    float b = psi * 9.0;
    float ca = floor(a);
    float cb = floor(b);
    float chk = mod(ca + cb, 2.0);
    vec3 c0 = 0.55 + 0.45 * cos(6.2831853 * (cb * 0.125 + vec3(0.0, 0.33, 0.67)));
    vec3 c1 = 0.55 + 0.45 * cos(6.2831853 * (cb * 0.125 + 0.5 + vec3(0.0, 0.33, 0.67)));
    vec3 col = mix(c0, c1 * 0.6, chk);
    vec2 e = min(fract(vec2(a, b)), 1.0 - fract(vec2(a, b)));
    col *= 0.8 + 0.2 * smoothstep(0.0, 0.15, min(e.x, e.y));
    fragColor = vec4(clamp(col, 0.0, 1.0), 1.0);
}
