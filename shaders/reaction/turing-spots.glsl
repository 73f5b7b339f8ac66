// name: turing-spots
// family: reaction
// tags: reaction-diffusion, turing, spots, hexagonal, ring-spectrum
// licence: MIT
// author: shaderbank contributors
// description: Turing-like spots from three 120-degree waves of one wavelength plus weaker random waves, bent by a slow warp and thresholded, magenta on lime.

void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = (fragCoord - 0.5 * iResolution.xy) / iResolution.y;
    vec2 m = iMouse.xy / max(iResolution.xy, vec2(1.0));
    float t = iTime;
    float k0 = 6.2831853 / 0.13;
    // slow warp gives the lattice curved rows and defects
    vec2 p = uv + m * 2.0;
    p += 0.06 * vec2(sin(p.y * 4.1 + t * 0.5), sin(p.x * 3.7 - t * 0.4));
    float orient = 0.25 * t + 0.8 * sin(uv.x * 1.7 + uv.y * 1.3 + t * 0.2);
    float v = 0.0;
    for (int i = 0; i < 3; i++)
    {
        float a = orient + 2.0943951 * float(i);
        v += cos(k0 * dot(p, vec2(cos(a), sin(a))) + t * 0.9 * float(i - 1));
    }
    // weaker random-direction waves of the same wavelength break the perfect lattice
    for (int i = 0; i < 6; i++)
    {
        float fi = float(i);
        float a = fi * 2.39996 + 0.1 * t;
        v += 0.45 * cos(k0 * dot(p, vec2(cos(a), sin(a))) + fi * 1.7 + 0.6 * t);
    }
    float spot = smoothstep(0.9, 1.5, v);
    float rim = smoothstep(0.4, 0.9, v) - spot;
    vec3 ground = mix(vec3(0.55, 0.85, 0.25), vec3(0.2, 0.7, 0.55), 0.5 + 0.5 * sin(uv.x * 2.0 + t * 0.3));
    vec3 dotCol = mix(vec3(0.85, 0.1, 0.55), vec3(0.45, 0.05, 0.45), smoothstep(1.5, 3.0, v));
    vec3 col = ground * (1.0 - 0.35 * rim);
    col = mix(col, dotCol, spot);
    col += vec3(0.25, 0.2, 0.05) * smoothstep(2.6, 3.5, v);
    fragColor = vec4(clamp(col, 0.0, 1.0), 1.0);
}
