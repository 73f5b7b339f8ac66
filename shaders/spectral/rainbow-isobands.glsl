// name: rainbow-isobands
// family: spectral
// tags: spectral, brown-noise, power-law, contours, rainbow
// licence: MIT
// author: shaderbank contributors
// description: Smooth a = 2.2 spectral noise from random-phase waves, sliced into rainbow iso-bands with shaded band edges.

void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = (fragCoord - 0.5 * iResolution.xy) / iResolution.y;
    vec2 m = iMouse.xy / max(iResolution.xy, vec2(1.0));
    float t = iTime;
    const int N = 28;
    const float a = 2.2;
    float fmin = 0.35;
    float fmax = 6.0;
    float ratio = pow(fmax / fmin, 1.0 / float(N));
    float ampStep = pow(ratio, 1.0 - a);
    float f = fmin;
    float amp = 1.0;
    mat2 turn = mat2(cos(2.39996), sin(2.39996), -sin(2.39996), cos(2.39996));
    vec2 dir = vec2(0.6, 0.8);
    vec2 q = uv + m * 2.0;
    float sum = 0.0;
    float norm = 0.0;
    for (int i = 0; i < N; i++)
    {
        float fi = float(i);
        float sgn = step(0.5, fract(fi * 0.618034)) * 2.0 - 1.0;
        float ph = 6.2831853 * fract(fi * 0.7548777 + 0.33) + t * (0.9 + 0.5 * sgn);
        sum += amp * sin(6.2831853 * f * dot(q, dir) + ph);
        norm += amp * amp;
        f *= ratio;
        amp *= ampStep;
        dir = turn * dir;
    }
    float v = sum / sqrt(0.5 * norm);
    float bands = v * 2.2 + 0.07 * t;
    float fb = fract(bands);
    vec3 col = 0.5 + 0.5 * cos(6.2831853 * (floor(bands) * 0.13 + vec3(0.0, 0.33, 0.67)));
    col = mix(col, 0.5 + 0.5 * cos(6.2831853 * ((floor(bands) + 1.0) * 0.13 + vec3(0.0, 0.33, 0.67))), smoothstep(0.7, 1.0, fb) * 0.5);
    col *= 0.7 + 0.35 * fb;
    fragColor = vec4(clamp(col, 0.0, 1.0), 1.0);
}
