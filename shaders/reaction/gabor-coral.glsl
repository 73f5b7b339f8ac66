// name: gabor-coral
// family: reaction
// tags: reaction-diffusion, gabor-noise, coral, orientation-field, threshold
// licence: MIT
// author: shaderbank contributors
// description: Sparse-convolution Gabor noise with kernels aligned to a swirling orientation field, thresholded into branching coral ridges.

uint spinBits(uint v)
{
    v ^= v >> 16;
    v *= 0x7feb352dU;
    v ^= v >> 15;
    v *= 0x846ca68bU;
    v ^= v >> 16;
    return v;
}

vec3 cellRand(vec2 c, uint k)
{
    ivec2 i = ivec2(c);
    uint h = spinBits(uint(i.x) * 0x1b873593U ^ spinBits(uint(i.y) + k * 0x9e3779b9U));
    uint h2 = spinBits(h + 0x68e31da4U);
    uint h3 = spinBits(h2 ^ 0xb5297a4dU);
    return vec3(float(h), float(h2), float(h3)) * (1.0 / 4294967296.0);
}

float orientation(vec2 p, float t)
{
    return 1.3 * sin(p.x * 0.9 + t * 0.3) + 1.1 * cos(p.y * 0.8 - t * 0.25) + 0.6 * sin((p.x + p.y) * 0.5 + t * 0.2);
}

void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = (fragCoord - 0.5 * iResolution.xy) / iResolution.y;
    vec2 m = iMouse.xy / max(iResolution.xy, vec2(1.0));
    float t = iTime;
    vec2 p = uv * 5.0 + m * 10.0 + vec2(0.2 * t, 0.0);
    float freq = 1.35;
    vec2 cell = floor(p);
    float v = 0.0;
    for (int j = -1; j <= 1; j++)
    for (int i = -1; i <= 1; i++)
    {
        vec2 c = cell + vec2(float(i), float(j));
        for (int k = 0; k < 1; k++)
        {
            vec3 r = cellRand(c, uint(k) + 1u);
            vec2 ctr = c + r.xy;
            vec2 d = p - ctr;
            float ang = orientation(ctr, t);
            float env = exp(-1.8 * dot(d, d));
            float ph = 6.2831853 * r.z + t * 0.7;
            v += env * cos(6.2831853 * freq * dot(d, vec2(cos(ang), sin(ang))) + ph);
        }
    }
    float s = smoothstep(-0.08, 0.08, v);
    vec3 sea = mix(vec3(0.05, 0.3, 0.45), vec3(0.1, 0.5, 0.55), 0.5 + 0.5 * sin(uv.y * 3.0 + t * 0.2));
    vec3 coral = mix(vec3(1.0, 0.45, 0.35), vec3(1.0, 0.75, 0.4), smoothstep(0.1, 0.8, v));
    vec3 col = mix(sea * (0.8 + 0.6 * clamp(-v, 0.0, 0.5)), coral, s);
    col *= 0.8 + 0.2 * smoothstep(0.0, 0.4, abs(v));
    fragColor = vec4(clamp(col, 0.0, 1.0), 1.0);
}
