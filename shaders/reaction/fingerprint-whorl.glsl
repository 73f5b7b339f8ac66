// name: fingerprint-whorl
// family: reaction
// tags: reaction-diffusion, fingerprint, whorl, ridges, phase-field
// licence: MIT
// author: shaderbank contributors
// description: Fingerprint ridges from a phase field blending distance to two wandering cores with a straight drift, gently warped and thresholded, in inky duotones.

float smin(float a, float b, float k)
{
    float h = clamp(0.5 + 0.5 * (b - a) / k, 0.0, 1.0);
    return mix(b, a, h) - k * h * (1.0 - h);
}

void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = (fragCoord - 0.5 * iResolution.xy) / iResolution.y;
    vec2 m = iMouse.xy / max(iResolution.xy, vec2(1.0));
    float t = iTime;
    vec2 c1 = vec2(0.35 * sin(t * 0.31) - 0.15, 0.2 * cos(t * 0.27));
    vec2 c2 = vec2(0.3 * cos(t * 0.23 + 1.0) + 0.3, 0.25 * sin(t * 0.37 + 2.0)) + (m - 0.5) * 0.3;
    vec2 w = uv + 0.025 * vec2(sin(uv.y * 11.0 + t), cos(uv.x * 9.0 - t * 0.7));
    float d1 = length((w - c1) * vec2(1.0, 1.3));
    float d2 = length((w - c2) * vec2(1.2, 1.0));
    float plane = 0.6 + 0.3 * (w.y - w.x * 0.4);
    float phase = smin(smin(d1, d2, 0.25), plane, 0.3);
    float ridge = cos(phase * 6.2831853 / 0.075 - t * 1.2);
    float ink = smoothstep(-0.15, 0.25, ridge);
    // occasional pores along the ridges
    float pore = smoothstep(0.8, 0.95, sin(phase * 260.0) * sin(atan(w.y - c1.y, w.x - c1.x) * 40.0));
    float hue = 0.5 + 0.5 * sin(d1 * 4.0 - d2 * 3.0 + t * 0.2);
    vec3 paper = mix(vec3(0.98, 0.9, 0.7), vec3(0.75, 0.9, 0.95), hue);
    vec3 inkCol = mix(vec3(0.55, 0.1, 0.35), vec3(0.1, 0.2, 0.6), hue);
    vec3 col = mix(paper, inkCol, ink * (1.0 - 0.4 * pore));
    fragColor = vec4(clamp(col, 0.0, 1.0), 1.0);
}
