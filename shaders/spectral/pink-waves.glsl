// name: pink-waves
// family: spectral
// tags: spectral, 1/f, pink-noise, random-phase, sinusoids, dispersive
// licence: MIT
// author: shaderbank contributors
// description: Pink (a = 1.0) noise from 32 log-spaced random-phase plane waves with dispersive drift, colour taken from the quadrature pair of the wave sum.

void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = (fragCoord - 0.5 * iResolution.xy) / iResolution.y;
    vec2 m = iMouse.xy / max(iResolution.xy, vec2(1.0));
    float t = iTime;
    const int N = 32;
    const float a = 1.0;
    float fmin = 0.6;
    float fmax = 11.0;
    float ratio = pow(fmax / fmin, 1.0 / float(N));
    float f = fmin;
    float amp = 1.0;
    float ampStep = pow(ratio, 1.0 - a);
    // golden-angle turn between successive wave directions
    mat2 turn = mat2(cos(2.39996), sin(2.39996), -sin(2.39996), cos(2.39996));
    float a0 = m.x * 6.2831853;
    vec2 dir = vec2(cos(a0), sin(a0));
    float s = 0.0;
    float c = 0.0;
    float norm = 0.0;
    for (int i = 0; i < N; i++)
    {
        float fi = float(i);
        float ph = 6.2831853 * fract(fi * 0.7548777 + 0.5698403 + m.y) + fract(fi * 0.3819660) * 3.0;
        float w = 6.2831853 * f * dot(uv, dir) + ph - t * 1.4 * sqrt(f);
        s += amp * sin(w);
        c += amp * cos(w);
        norm += amp * amp;
        dir = turn * dir;
        f *= ratio;
        amp *= ampStep;
    }
    vec2 v = vec2(s, c) / sqrt(0.5 * norm);
    // hue from the phase of the analytic pair, brightness from the real part
    vec3 k = vec3(0.0, 2.0944, 4.1888);
    vec3 col = 0.5 + 0.2 * (v.x * cos(k) + v.y * sin(k)) + 0.08 * v.x;
    float g = dot(col, vec3(0.3333));
    col = g + 1.7 * (col - g);
    fragColor = vec4(clamp(col, 0.0, 1.0), 1.0);
}
