// name: rgb-exponents
// family: spectral
// tags: spectral, power-law, sinusoids, channels, fringe
// licence: MIT
// author: shaderbank contributors
// description: One set of random-phase waves weighted with a different spectral exponent per channel (red 0.9, green 1.5, blue 2.3), so colours agree at large scales and split into fringes at fine ones.

float pcgUnit(uint v)
{
    uint h = v * 747796405u + 2891336453u;
    h = ((h >> ((h >> 28u) + 4u)) ^ h) * 277803737u;
    h = (h >> 22u) ^ h;
    return float(h) * (1.0 / 4294967296.0);
}

void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = (fragCoord - 0.5 * iResolution.xy) / iResolution.y;
    vec2 m = iMouse.xy / max(iResolution.xy, vec2(1.0));
    float t = iTime;
    float rot = 0.08 * t + m.x * 3.0;
    uv = mat2(cos(rot), -sin(rot), sin(rot), cos(rot)) * uv;
    const int N = 24;
    vec3 expo = vec3(0.9, 1.5, 2.3);
    float fmin = 0.7;
    float fmax = 12.0;
    float ratio = pow(fmax / fmin, 1.0 / float(N));
    vec3 ampStep = pow(vec3(ratio), 1.0 - expo);
    vec3 amp = vec3(1.0);
    float f = fmin;
    float ga = 2.39996 + 0.001;
    mat2 turn = mat2(cos(ga), sin(ga), -sin(ga), cos(ga));
    vec2 dir = vec2(1.0, 0.0);
    vec3 sum = vec3(0.0);
    vec3 norm = vec3(0.0);
    for (int i = 0; i < N; i++)
    {
        float fi = float(i);
        float speed = 0.6 + 1.2 * pcgUnit(uint(i) * 2u + 1u);
        float ph = 6.2831853 * pcgUnit(uint(i) * 2u) + t * speed * (1.0 + 0.15 * f);
        float s = sin(6.2831853 * f * dot(uv + m.y, dir) + ph);
        sum += amp * s;
        norm += amp * amp;
        amp *= ampStep;
        f *= ratio;
        dir = turn * dir;
    }
    vec3 v = sum / sqrt(0.5 * norm);
    vec3 col = 0.5 + 0.22 * v;
    col = col * col * (3.0 - 2.0 * col);
    float g = dot(col, vec3(0.3333));
    col = g + 1.6 * (col - g);
    fragColor = vec4(clamp(col, 0.0, 1.0), 1.0);
}
