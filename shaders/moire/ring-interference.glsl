// name: ring-interference
// family: moire
// tags: moire, interference, rings, concentric, rgb
// licence: MIT
// author: shaderbank contributors
// description: Two wandering sets of concentric ring gratings multiplied together, each colour channel at a slightly different pitch.

void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = (2.0 * fragCoord - iResolution.xy) / iResolution.y;
    vec2 m = iMouse.xy / max(iResolution.xy, vec2(1.0));
    float t = iTime;
    vec2 c1 = vec2(0.7 * sin(t * 0.31), 0.5 * cos(t * 0.23)) + (m - 0.5);
    vec2 c2 = vec2(0.6 * cos(t * 0.27 + 1.0), 0.6 * sin(t * 0.35 + 2.0));
    float r1 = length(uv - c1);
    float r2 = length(uv - c2);
    vec3 pitch = vec3(26.0, 28.0, 30.0) + 4.0 * sin(t * 0.2);
    vec3 g1 = 0.5 + 0.5 * cos(r1 * pitch);
    vec3 g2 = 0.5 + 0.5 * cos(r2 * pitch.zxy - t);
    vec3 col = g1 * g2;
    col = pow(col, vec3(0.6));
    col = mix(col, col * vec3(1.0, 0.7, 1.1), 0.4);
    fragColor = vec4(clamp(col * 1.15, 0.0, 1.0), 1.0);
}
