// name: halftone-rosette
// family: moire
// tags: moire, halftone, cmyk, screens, rosette, print
// licence: MIT
// author: shaderbank contributors
// description: A flowing colour field printed through cyan, magenta and yellow halftone screens at drifting angles, the mis-registered dot grids beating into rosette moire.

float screenDot(vec2 p, float ang, float freq, float coverage)
{
    vec2 q = mat2(cos(ang), -sin(ang), sin(ang), cos(ang)) * p * freq;
    vec2 f = fract(q) - 0.5;
    float r = sqrt(clamp(coverage, 0.0, 1.0)) * 0.62;
    return 1.0 - smoothstep(r - 0.08, r + 0.08, length(f));
}

void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = (2.0 * fragCoord - iResolution.xy) / iResolution.y;
    vec2 m = iMouse.xy / max(iResolution.xy, vec2(1.0));
    float t = iTime;
    // the continuous-tone image being printed
    vec3 img = 0.5 + 0.5 * vec3(sin(uv.x * 2.0 + t * 0.7), sin(uv.y * 2.3 - t * 0.5 + uv.x), sin(length(uv) * 3.0 - t * 0.9));
    vec3 cmy = 1.0 - img;
    float freq = 9.0;
    float drift = 0.12 * sin(t * 0.3) + m.x * 0.2;
    float c = screenDot(uv, 0.2618 + drift, freq, cmy.x);
    float mg = screenDot(uv, 1.309 - drift * 0.7, freq * (1.0 + 0.03 * sin(t * 0.4)), cmy.y);
    float y = screenDot(uv, 0.0 + drift * 1.3, freq * 1.02, cmy.z);
    vec3 paper = vec3(0.98, 0.96, 0.9);
    vec3 col = paper;
    col *= mix(vec3(1.0), vec3(0.0, 0.68, 0.93), c);
    col *= mix(vec3(1.0), vec3(0.92, 0.0, 0.55), mg);
    col *= mix(vec3(1.0), vec3(1.0, 0.95, 0.0), y);
    fragColor = vec4(clamp(col, 0.0, 1.0), 1.0);
}
