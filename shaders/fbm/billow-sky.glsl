// name: billow-sky
// family: fbm
// tags: noise, fbm, billow, clouds, sky, lighting
// licence: MIT
// author: shaderbank contributors
// description: Billowy absolute-value fbm cumulus racing over a sunset sky, lit by comparing density towards a low sun.

uint spinBits(uint v)
{
    v ^= v >> 16;
    v *= 0x45d9f3bU;
    v ^= v >> 16;
    v *= 0x45d9f3bU;
    v ^= v >> 16;
    return v;
}

float lattice(vec2 c)
{
    ivec2 i = ivec2(c);
    return float(spinBits(uint(i.x) * 0x9e3779b1U ^ spinBits(uint(i.y) + 0x51ed270bU))) * (1.0 / 4294967296.0);
}

float vnoise(vec2 p)
{
    vec2 i = floor(p);
    vec2 f = p - i;
    vec2 u = f * f * (3.0 - 2.0 * f);
    return mix(mix(lattice(i), lattice(i + vec2(1.0, 0.0)), u.x),
               mix(lattice(i + vec2(0.0, 1.0)), lattice(i + vec2(1.0, 1.0)), u.x), u.y);
}

float billow(vec2 p, float t)
{
    float s = 0.0;
    float a = 0.55;
    for (int i = 0; i < 5; i++)
    {
        s += a * abs(2.0 * vnoise(p + vec2(t * (0.3 + 0.15 * float(i)), 0.0)) - 1.0);
        p = mat2(1.62, 1.18, -1.18, 1.62) * p + vec2(2.3, -7.1);
        a *= 0.5;
    }
    return s;
}

void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = (fragCoord - 0.5 * iResolution.xy) / iResolution.y;
    vec2 m = iMouse.xy / max(iResolution.xy, vec2(1.0));
    float t = iTime;
    vec2 p = uv * vec2(2.2, 3.2) + vec2(0.45 * t, 0.0) + m * 5.0;
    float d = billow(p, t * 0.4);
    vec2 sunDir = normalize(vec2(-0.8, -0.35));
    float d2 = billow(p + sunDir * 0.12, t * 0.4);
    float cover = smoothstep(0.22 + 0.15 * sin(t * 0.45), 0.62, d);
    float lit = clamp(0.6 + 3.0 * (d - d2), 0.0, 1.2);
    vec3 sky = mix(vec3(0.98, 0.55, 0.35), vec3(0.2, 0.35, 0.75), smoothstep(-0.5, 0.45, uv.y));
    sky = mix(sky, vec3(0.55, 0.3, 0.6), 0.3 * smoothstep(0.1, 0.5, uv.y));
    vec3 cloudDark = vec3(0.35, 0.3, 0.5);
    vec3 cloudLit = vec3(1.0, 0.85, 0.7);
    vec3 cloud = mix(cloudDark, cloudLit, clamp(lit, 0.0, 1.0));
    vec3 col = mix(sky, cloud, cover);
    col += vec3(1.0, 0.6, 0.3) * 0.25 * smoothstep(0.2, 0.0, length(uv - vec2(0.55, -0.3))) * (1.0 - cover);
    fragColor = vec4(clamp(col, 0.0, 1.0), 1.0);
}
