// name: curl-streaks
// family: flow
// tags: flow, curl-noise, lic, streamlines, streaks
// licence: MIT
// author: shaderbank contributors
// description: Line-integral convolution of value noise along a curl-noise velocity field, streaks coloured by flow direction.

uint mixBits(uint x)
{
    x ^= x >> 16;
    x *= 0x7feb352dU;
    x ^= x >> 15;
    x *= 0x846ca68bU;
    x ^= x >> 16;
    return x;
}

float cellHash(vec2 c, uint salt)
{
    ivec2 i = ivec2(c);
    uint h = mixBits(uint(i.x) * 0x9e3779b1U ^ mixBits(uint(i.y) + salt));
    return float(h) * (1.0 / 4294967296.0);
}

// value noise with analytic gradient: returns (value, d/dx, d/dy)
vec3 noiseGrad(vec2 p)
{
    vec2 i = floor(p);
    vec2 f = p - i;
    vec2 u = f * f * (3.0 - 2.0 * f);
    vec2 du = 6.0 * f * (1.0 - f);
    float a = cellHash(i, 5u);
    float b = cellHash(i + vec2(1.0, 0.0), 5u);
    float c = cellHash(i + vec2(0.0, 1.0), 5u);
    float d = cellHash(i + vec2(1.0, 1.0), 5u);
    float v = a + (b - a) * u.x + (c - a) * u.y + (a - b - c + d) * u.x * u.y;
    vec2 g = du * vec2((b - a) + (a - b - c + d) * u.y, (c - a) + (a - b - c + d) * u.x);
    return vec3(v, g);
}

vec2 velocityCoarse(vec2 p, float t)
{
    vec3 n1 = noiseGrad(p * 1.3 + vec2(t * 0.15, 0.0));
    return vec2(n1.z, -n1.y);
}

vec2 velocity(vec2 p, float t)
{
    vec3 n1 = noiseGrad(p * 1.3 + vec2(t * 0.15, 0.0));
    vec3 n2 = noiseGrad(p * 2.7 - vec2(0.0, t * 0.1) + 9.0);
    vec2 g = n1.yz * 1.3 + n2.yz * 0.5 * 2.7;
    return vec2(g.y, -g.x);
}

float texNoise(vec2 p)
{
    vec2 i = floor(p);
    vec2 f = p - i;
    vec2 u = f * f * (3.0 - 2.0 * f);
    return mix(mix(cellHash(i, 77u), cellHash(i + vec2(1.0, 0.0), 77u), u.x),
               mix(cellHash(i + vec2(0.0, 1.0), 77u), cellHash(i + vec2(1.0, 1.0), 77u), u.x), u.y);
}

void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = fragCoord / iResolution.y;
    vec2 m = iMouse.xy / max(iResolution.xy, vec2(1.0));
    float t = iTime;
    vec2 p0 = uv * 2.0 + m * 3.0 + vec2(t * 0.05, 0.0);
    vec2 v0 = velocity(p0, t);

    float acc = 0.0;
    float wsum = 0.0;
    vec2 pf = p0;
    vec2 pb = p0;
    float h = 0.014;
    for (int i = 0; i < 8; i++)
    {
        float w = 1.0 - float(i) / 8.0;
        vec2 vf = velocityCoarse(pf, t);
        vec2 vb = velocityCoarse(pb, t);
        pf += h * vf / max(length(vf), 1e-3);
        pb -= h * vb / max(length(vb), 1e-3);
        acc += w * (texNoise(pf * 45.0 + vec2(0.0, t * 3.0)) + texNoise(pb * 45.0 + vec2(0.0, t * 3.0)));
        wsum += 2.0 * w;
    }
    float lic = acc / wsum;
    lic = clamp((lic - 0.5) * 3.0 + 0.5, 0.0, 1.0);

    float ang = atan(v0.y, v0.x);
    float spd = length(v0);
    vec3 hue = 0.55 + 0.45 * cos(ang + vec3(0.0, 2.1, 4.2) + t * 0.2);
    vec3 col = hue * (0.35 + 0.85 * lic);
    col *= 0.7 + 0.4 * smoothstep(0.0, 2.0, spd);
    fragColor = vec4(clamp(col, 0.0, 1.0), 1.0);
}
