// name: warp-worms
// family: reaction
// tags: reaction-diffusion, iterated-warp, worms, stripes, coral
// licence: MIT
// author: shaderbank contributors
// description: Worm-like stripes made by pushing the plane through six sine warps and cutting a stripe function, coloured as red coral over deep teal.

void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = (fragCoord - 0.5 * iResolution.xy) / iResolution.y;
    vec2 m = iMouse.xy / max(iResolution.xy, vec2(1.0));
    float t = iTime;
    vec2 p = uv * 3.0 + m * 2.0;
    float amp = 0.55;
    for (int i = 0; i < 6; i++)
    {
        float fi = float(i);
        p += amp * vec2(sin(p.y * 1.9 + fi * 1.3 + t * 0.37), sin(p.x * 2.1 - fi * 0.7 - t * 0.29));
        p = mat2(0.8, -0.6, 0.6, 0.8) * p;
        amp *= 0.8;
    }
    float stripe = sin(p.x * 10.0 + sin(p.y * 1.3) * 2.0);
    float s = smoothstep(-0.2, 0.2, stripe);
    float depth = 0.5 + 0.5 * sin(length(p) * 0.7 - t * 0.5);
    vec3 teal = mix(vec3(0.0, 0.22, 0.3), vec3(0.05, 0.45, 0.5), depth);
    vec3 coral = mix(vec3(0.9, 0.2, 0.2), vec3(1.0, 0.7, 0.3), depth);
    vec3 col = mix(teal, coral, s);
    col *= 0.7 + 0.3 * abs(stripe);
    fragColor = vec4(clamp(col, 0.0, 1.0), 1.0);
}
