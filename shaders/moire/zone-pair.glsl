// name: zone-pair
// family: moire
// tags: moire, zone-plate, fresnel, chirp, fringes
// licence: MIT
// author: shaderbank contributors
// description: Two Fresnel zone plates whose centres slide apart and together, their chirped rings multiplying into straight travelling moire fringes tinted like oil on water.

void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = (2.0 * fragCoord - iResolution.xy) / iResolution.y;
    vec2 m = iMouse.xy / max(iResolution.xy, vec2(1.0));
    float t = iTime;
    float sep = 0.15 + 0.25 * (0.5 + 0.5 * sin(t * 0.4));
    float ang = 0.2 * t + m.x * 3.0;
    vec2 dir = vec2(cos(ang), sin(ang));
    vec2 c1 = dir * sep + (m - 0.5) * 0.3;
    vec2 c2 = -dir * sep;
    float k = 16.0;
    float z1 = 0.5 + 0.5 * cos(k * dot(uv - c1, uv - c1) - t);
    float z2 = 0.5 + 0.5 * cos(k * dot(uv - c2, uv - c2) + t * 0.5);
    float beat = z1 * z2;
    // the product's low-frequency part: straight fringes across the centre line
    float fringe = 0.5 + 0.5 * cos(k * 2.0 * dot(uv, c2 - c1) + k * (dot(c1, c1) - dot(c2, c2)) - 1.5 * t);
    vec3 oil = 0.55 + 0.45 * cos(6.2831853 * (fringe * 0.6 + 0.08 * t + vec3(0.0, 0.33, 0.67)));
    vec3 col = mix(vec3(0.08, 0.1, 0.25), oil, 0.3 + 0.7 * beat);
    col += 0.2 * oil * z1;
    fragColor = vec4(clamp(col, 0.0, 1.0), 1.0);
}
