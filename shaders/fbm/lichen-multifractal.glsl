// name: lichen-multifractal
// family: fbm
// tags: noise, multifractal, hybrid, lichen, rock
// licence: MIT
// author: shaderbank contributors
// description: Hybrid multifractal gradient noise as slate rock, with orange, lime and teal lichen colonies grown from thresholded fbm that spread and recede.

uint spinBits(uint v)
{
    v ^= v >> 16;
    v *= 0x7feb352dU;
    v ^= v >> 15;
    v *= 0x846ca68bU;
    v ^= v >> 16;
    return v;
}

vec2 grad(vec2 c)
{
    ivec2 i = ivec2(c);
    uint h = spinBits(uint(i.x) * 0x85ebca6bU ^ spinBits(uint(i.y) * 0xc2b2ae35U + 0x9e3779b9U));
    // two 16-bit halves of the hash as a gradient in [-1, 1]^2 (no trig)
    return vec2(float(h & 0xffffu), float(h >> 16u)) * (2.0 / 65535.0) - 1.0;
}

float gnoise(vec2 p)
{
    vec2 i = floor(p);
    vec2 f = p - i;
    vec2 u = f * f * (3.0 - 2.0 * f);
    return mix(mix(dot(grad(i), f), dot(grad(i + vec2(1.0, 0.0)), f - vec2(1.0, 0.0)), u.x),
               mix(dot(grad(i + vec2(0.0, 1.0)), f - vec2(0.0, 1.0)), dot(grad(i + vec2(1.0, 1.0)), f - vec2(1.0, 1.0)), u.x), u.y);
}

// hybrid multifractal: each octave is weighted by the running signal, so rough areas stay rough
float hybrid(vec2 p)
{
    float sum = gnoise(p) + 0.7;
    float weight = sum;
    float amp = 0.5;
    for (int i = 1; i < 5; i++)
    {
        p = mat2(1.7, 1.0, -1.0, 1.7) * p + vec2(3.3, 1.9);
        weight = clamp(weight, 0.0, 1.0);
        float sig = (gnoise(p) + 0.7) * amp;
        sum += weight * sig;
        weight *= sig * 2.0;
        amp *= 0.55;
    }
    return sum;
}

float fbm3(vec2 p)
{
    float s = 0.0;
    float a = 0.5;
    for (int i = 0; i < 3; i++)
    {
        s += a * gnoise(p);
        p = p * 2.1 + vec2(7.1, 2.9);
        a *= 0.5;
    }
    return s;
}

void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = (fragCoord - 0.5 * iResolution.xy) / iResolution.y;
    vec2 m = iMouse.xy / max(iResolution.xy, vec2(1.0));
    float t = iTime;
    vec2 p = uv * 3.5 + m * 7.0 + vec2(0.12 * t, 0.0);
    float rock = hybrid(p);
    vec3 col = mix(vec3(0.25, 0.28, 0.35), vec3(0.62, 0.62, 0.68), smoothstep(0.4, 1.4, rock));
    float grow = 0.25 * sin(t * 0.6);
    float l1 = fbm3(p * 1.3 + vec2(0.0, 0.15 * t));
    float l2 = fbm3(p * 1.7 + vec2(11.0, -0.1 * t));
    float orange = smoothstep(0.12 - grow, 0.2 - grow, l1);
    float lime = smoothstep(0.1 + grow, 0.18 + grow, l2) * (1.0 - orange);
    vec3 orangeCol = mix(vec3(0.95, 0.45, 0.1), vec3(1.0, 0.75, 0.2), smoothstep(0.2, 0.4, l1 + grow));
    vec3 limeCol = mix(vec3(0.55, 0.8, 0.2), vec3(0.2, 0.65, 0.6), smoothstep(0.2, 0.45, l2 - grow));
    col = mix(col, orangeCol * (0.8 + 0.3 * rock * 0.5), orange);
    col = mix(col, limeCol * (0.8 + 0.3 * rock * 0.5), lime);
    col *= 0.85 + 0.2 * smoothstep(0.6, 1.2, rock);
    fragColor = vec4(clamp(col, 0.0, 1.0), 1.0);
}
