// name: spoke-stars
// family: moire
// tags: moire, siemens-star, radial, spokes, hyperbolic
// licence: MIT
// author: shaderbank contributors
// description: Two Siemens-star spoke gratings centred on wandering points, overlaid so their spokes beat into hyperbolic moire fringes in lime, violet and coral.

void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = (2.0 * fragCoord - iResolution.xy) / iResolution.y;
    vec2 m = iMouse.xy / max(iResolution.xy, vec2(1.0));
    float t = iTime;
    vec2 c1 = vec2(-0.45 + 0.3 * sin(t * 0.31), 0.25 * cos(t * 0.43)) + (m - 0.5) * 0.4;
    vec2 c2 = vec2(0.45 + 0.3 * cos(t * 0.27), 0.3 * sin(t * 0.37 + 1.0));
    float n = 36.0;
    float a1 = atan(uv.y - c1.y, uv.x - c1.x);
    float a2 = atan(uv.y - c2.y, uv.x - c2.x);
    float s1 = 0.5 + 0.5 * cos(n * a1 + t * 0.8);
    float s2 = 0.5 + 0.5 * cos(n * a2 - t * 0.6);
    // fade the spokes near each hub where they crowd below a pixel
    float r1 = length(uv - c1);
    float r2 = length(uv - c2);
    float fade1 = smoothstep(2.0, 4.0, 3.14159265 * r1 * iResolution.y / n);
    float fade2 = smoothstep(2.0, 4.0, 3.14159265 * r2 * iResolution.y / n);
    s1 = mix(0.5, s1, fade1);
    s2 = mix(0.5, s2, fade2);
    float beat = s1 * s2;
    float anti = (1.0 - s1) * (1.0 - s2);
    float hs = 0.06 * t + m.y;
    vec3 lime = 0.55 + 0.45 * cos(6.2831853 * (hs + 0.25 + vec3(0.0, 0.33, 0.67)));
    vec3 violet = 0.35 + 0.3 * cos(6.2831853 * (hs + 0.75 + vec3(0.0, 0.33, 0.67)));
    vec3 coral = vec3(1.0, 0.45, 0.4);
    vec3 col = violet * 0.5;
    col = mix(col, lime, smoothstep(0.1, 0.7, beat));
    col = mix(col, coral, smoothstep(0.1, 0.7, s1 * (1.0 - s2)));
    col = mix(col, vec3(0.05, 0.05, 0.15), smoothstep(0.2, 0.8, anti) * 0.8);
    col *= 0.85 + 0.15 * sin(t * 0.5 + r1 * 3.0 - r2 * 3.0);
    fragColor = vec4(clamp(col, 0.0, 1.0), 1.0);
}
