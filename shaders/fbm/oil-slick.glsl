// name: oil-slick
// family: fbm
// tags: noise, fbm, thin-film, iridescent, interference, warp
// licence: MIT
// author: shaderbank contributors
// description: Warped fbm read as the thickness of an oil film and coloured by thin-film interference, iridescent bands over dark wet asphalt.

uint spinBits(uint v)
{
    v ^= v >> 17;
    v *= 0xed5ad4bbU;
    v ^= v >> 11;
    v *= 0xac4c1b51U;
    v ^= v >> 15;
    return v;
}

float lattice(vec2 c)
{
    ivec2 i = ivec2(c);
    return float(spinBits(uint(i.x) * 0x27d4eb2dU ^ spinBits(uint(i.y) + 0x165667b1U))) * (1.0 / 4294967296.0);
}

float vnoise(vec2 p)
{
    vec2 i = floor(p);
    vec2 f = p - i;
    vec2 u = f * f * f * (f * (f * 6.0 - 15.0) + 10.0);
    return mix(mix(lattice(i), lattice(i + vec2(1.0, 0.0)), u.x),
               mix(lattice(i + vec2(0.0, 1.0)), lattice(i + vec2(1.0, 1.0)), u.x), u.y);
}

float fbm(vec2 p)
{
    float s = 0.0;
    float a = 0.5;
    for (int i = 0; i < 5; i++)
    {
        s += a * vnoise(p);
        p = mat2(0.8, -0.6, 0.6, 0.8) * p * 2.03 + vec2(4.7, 1.3);
        a *= 0.5;
    }
    return s;
}

void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = (fragCoord - 0.5 * iResolution.xy) / iResolution.y;
    vec2 m = iMouse.xy / max(iResolution.xy, vec2(1.0));
    float t = iTime;
    vec2 p = uv * 2.5 + m * 6.0;
    vec2 w = vec2(fbm(p + vec2(0.0, 0.35 * t)), fbm(p + vec2(5.2, -0.3 * t)));
    float thick = fbm(p + 2.2 * w + vec2(0.2 * t, 0.0));
    // optical path in arbitrary units; three wavelengths give the interference colours
    float opd = 1.2 + 3.8 * thick + 0.5 * sin(t * 0.5);
    vec3 lambda = vec3(0.65, 0.53, 0.45);
    vec3 film = 0.5 + 0.5 * cos(6.2831853 * opd / lambda);
    float oil = smoothstep(0.3, 0.45, thick + 0.15 * w.x);
    vec3 asphalt = vec3(0.16, 0.17, 0.22) + 0.12 * vnoise(uv * 24.0);
    vec3 col = mix(asphalt + 0.25 * film * 0.4, film * 0.9 + 0.05, oil);
    fragColor = vec4(clamp(col, 0.0, 1.0), 1.0);
}
