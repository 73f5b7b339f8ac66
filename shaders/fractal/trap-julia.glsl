// name: trap-julia
// family: fractal
// tags: fractal, julia, orbit-trap, pickover-stalks, ring-trap
// licence: MIT
// author: shaderbank contributors
// description: A Julia set textured by three orbit traps at once: Pickover cross stalks, a breathing ring and a roaming point, mixed into layered colour.

void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = (fragCoord - 0.5 * iResolution.xy) / iResolution.y;
    vec2 m = iMouse.xy / max(iResolution.xy, vec2(1.0));
    float t = iTime;
    vec2 c = vec2(-0.745, 0.11) + 0.06 * vec2(cos(t * 0.27), sin(t * 0.31)) + (m - 0.5) * 0.05;
    vec2 z = uv * 2.6;
    float stalk = 1e9;
    float ring = 1e9;
    float point = 1e9;
    float ringR = 0.6 + 0.3 * sin(t * 0.5);
    vec2 pt = 0.5 * vec2(cos(t * 0.7), sin(t * 0.9));
    float n = 0.0;
    for (int i = 0; i < 80; i++)
    {
        z = vec2(z.x * z.x - z.y * z.y, 2.0 * z.x * z.y) + c;
        float r2 = dot(z, z);
        if (r2 > 64.0) break;
        stalk = min(stalk, min(abs(z.x), abs(z.y)));
        ring = min(ring, abs(sqrt(r2) - ringR));
        point = min(point, length(z - pt));
        n += 1.0;
    }
    vec3 col = 0.35 + 0.3 * cos(n * 0.12 + vec3(3.6, 4.4, 5.2) + 0.2 * t);
    col = mix(col, vec3(0.2, 0.85, 0.75), exp(-stalk * 25.0));
    col = mix(col, vec3(1.0, 0.5, 0.2), exp(-ring * 18.0) * 0.9);
    col = mix(col, vec3(1.0, 0.95, 0.5), exp(-point * 10.0) * 0.8);
    fragColor = vec4(clamp(col, 0.0, 1.0), 1.0);
}
