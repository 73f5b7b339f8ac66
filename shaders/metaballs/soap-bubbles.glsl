// name: soap-bubbles
// family: metaballs
// tags: metaballs, soap-film, iridescent, thin-film, bubbles
// licence: MIT
// author: shaderbank contributors
// description: Metaball soap froth: the field sets the film thickness, coloured by thin-film interference, with bright rims where bubbles meet and a soft blue backdrop.

void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = (fragCoord - 0.5 * iResolution.xy) / iResolution.y;
    vec2 m = iMouse.xy / max(iResolution.xy, vec2(1.0));
    float t = iTime;
    float field = 0.0;
    float second = 0.0;
    float first = 0.0;
    for (int i = 0; i < 9; i++)
    {
        float fi = float(i);
        vec2 c = vec2(0.75 * sin(t * (0.13 + 0.03 * fi) + fi * 2.4 + m.x * 2.0),
                      0.45 * sin(t * (0.17 + 0.02 * fi) + fi * 1.1 + m.y * 2.0) + 0.05 * sin(t + fi));
        float r = 0.16 + 0.06 * fract(fi * 0.618);
        vec2 d = uv - c;
        float w = r * r / (dot(d, d) + 1e-3);
        field += w;
        if (w > first) { second = first; first = w; }
        else if (w > second) second = w;
    }
    float inside = smoothstep(0.95, 1.05, field);
    // film thickness: thin at the middle of a bubble, thicker towards the walls
    float thick = 1.5 + 2.5 / max(field, 0.2) + 0.4 * sin(uv.y * 6.0 + t);
    vec3 film = 0.5 + 0.5 * cos(6.2831853 * thick / vec3(0.62, 0.52, 0.44));
    float wall = smoothstep(0.45, 0.9, second / max(first, 1e-3));
    vec3 sky = mix(vec3(0.55, 0.7, 0.95), vec3(0.25, 0.35, 0.7), 0.5 + 0.5 * uv.y);
    vec3 col = mix(sky, sky * 0.5 + film * 0.6, inside);
    col += inside * wall * vec3(0.9, 0.95, 1.0) * 0.25;
    col += smoothstep(0.1, 0.0, abs(field - 1.0)) * 0.25;
    fragColor = vec4(clamp(col, 0.0, 1.0), 1.0);
}
