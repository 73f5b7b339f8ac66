// name: enigma-rays
// family: opart
// tags: op-art, enigma, rays, rings, illusory-motion
// licence: MIT
// author: shaderbank contributors
// description: Enigma-style field of fine black and white rays radiating from a hub, crossed by three solid coloured rings that slide outwards while the rays slowly turn.

void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = (2.0 * fragCoord - iResolution.xy) / iResolution.y;
    vec2 m = iMouse.xy / max(iResolution.xy, vec2(1.0));
    float t = iTime;
    vec2 c = 0.15 * vec2(sin(t * 0.3), cos(t * 0.4)) + (m - 0.5) * 0.3;
    vec2 d = uv - c;
    float r = length(d);
    float a = atan(d.y, d.x);
    float rays = 40.0;
    float ray = sin(a * rays + t * 0.4);
    float spacing = 6.2831853 * r / rays * iResolution.y * 0.5;
    float sharp = clamp(spacing * 0.5, 0.0, 1.0);
    float bw = 0.5 + 0.5 * clamp(ray * (1.0 + 6.0 * sharp), -1.0, 1.0);
    bw = mix(0.5, bw, smoothstep(1.0, 3.0, spacing));
    vec3 col = mix(vec3(0.06, 0.04, 0.1), vec3(0.97, 0.96, 0.92), bw);

    for (int i = 0; i < 3; i++)
    {
        float fi = float(i);
        float rr = fract(0.12 * t + fi / 3.0) * 1.5 + 0.1;
        float w = 0.07 + 0.02 * fi;
        float ring = smoothstep(w, w - 0.015, abs(r - rr));
        vec3 rc = 0.5 + 0.5 * cos(6.2831853 * (fi / 3.0 + 0.07 * t + vec3(0.0, 0.33, 0.67)));
        col = mix(col, rc, ring * 0.9);
    }
    col = mix(col, vec3(0.9, 0.3, 0.3), smoothstep(0.06, 0.04, r));
    fragColor = vec4(clamp(col, 0.0, 1.0), 1.0);
}
