// Value noise in octaves, summed into a float that starts unset.
float hash(vec2 p) { return fract(sin(dot(p, vec2(27.1, 61.7))) * 43758.5); }
float noise(vec2 p)
{
    vec2 i = floor(p), f = fract(p);
    f = f * f * (3.0 - 2.0 * f);
    return mix(mix(hash(i), hash(i + vec2(1, 0)), f.x), mix(hash(i + vec2(0, 1)), hash(i + 1.0), f.x), f.y);
}
void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 p = fragCoord / iResolution.y * 5.0 + iTime * 0.1;
    float n;
    float amp = 0.5;
    for (int o = 0; o < 4; o++) { n += amp * noise(p); p *= 2.0; amp *= 0.5; }
    fragColor = vec4(n * vec3(0.9, 0.7, 0.4) + vec3(0.05, 0.1, 0.2), 1.0);
}
