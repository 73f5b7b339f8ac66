// name: anisotropic-grain
// family: spectral
// tags: spectral, anisotropic, power-law, grain, sinusoids
// licence: MIT
// author: shaderbank contributors
// description: a = 1.3 spectral noise whose wave directions crowd around a slowly turning axis, giving streaky grain in a teal, magenta and gold palette.

void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = (fragCoord - 0.5 * iResolution.xy) / iResolution.y;
    vec2 m = iMouse.xy / max(iResolution.xy, vec2(1.0));
    float t = iTime;
    const int N = 20;
    const float a = 1.3;
    float axis = 0.35 * t + m.x * 6.2831853;
    float spread = 0.3 + 0.2 * sin(t * 0.5);
    // work in the axis frame: waves then only need a small angle each
    vec2 q = mat2(cos(axis), -sin(axis), sin(axis), cos(axis)) * uv;
    float fmin = 0.5;
    float fmax = 10.0;
    float ratio = pow(fmax / fmin, 1.0 / float(N));
    float ampStep = pow(ratio, 1.0 - a);
    float f = fmin;
    float amp = 1.0;
    float s1 = 0.0;
    float s2 = 0.0;
    float norm = 0.0;
    for (int i = 0; i < N; i++)
    {
        float fi = float(i);
        float u = fract(fi * 0.618034 + 0.1) + fract(fi * 0.4142136 + 0.7) - 1.0;
        float ang = spread * 2.5 * u;
        // small-angle direction, renormalised (cheaper than cos/sin)
        vec2 dir = vec2(1.0 - 0.5 * ang * ang, ang);
        dir /= length(dir);
        float x = 6.2831853 * f * dot(q, dir);
        float ph = 6.2831853 * fract(fi * 0.7548777) + t * 0.8;
        s1 += amp * sin(x + ph);
        s2 += amp * sin(x + ph + 6.2831853 * fract(fi * 0.5698403));
        norm += amp * amp;
        f *= ratio;
        amp *= ampStep;
    }
    float n = sqrt(0.5 * norm);
    float v = s1 / n;
    float w = s2 / n;
    vec3 teal = vec3(0.05, 0.55, 0.6);
    vec3 magenta = vec3(0.85, 0.15, 0.55);
    vec3 gold = vec3(1.0, 0.8, 0.3);
    vec3 col = mix(teal, magenta, smoothstep(-1.2, 1.2, w + m.y));
    col = mix(col, gold, smoothstep(0.6, 1.8, v));
    col *= 0.55 + 0.3 * (v * 0.5 + 0.8);
    fragColor = vec4(clamp(col, 0.0, 1.0), 1.0);
}
