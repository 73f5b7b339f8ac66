// name: lattice-octaves
// family: spectral
// tags: spectral, value-noise, texture, power-law, hsv
// licence: MIT
// author: shaderbank contributors
// description: Octaves read from the white-noise channel with amplitude 2^(-1.8 i) drive value and saturation while a slower a = 2.5 field picks the hue.

vec3 hsv2rgb(vec3 c)
{
    vec3 p = abs(fract(c.xxx + vec3(0.0, 2.0 / 3.0, 1.0 / 3.0)) * 6.0 - 3.0);
    return c.z * mix(vec3(1.0), clamp(p - 1.0, 0.0, 1.0), c.y);
}

float octaves(vec2 p, float a, int count)
{
    float sum = 0.0;
    float norm = 0.0;
    float amp = 1.0;
    float g = exp2(-a);
    for (int i = 0; i < 6; i++)
    {
        if (i >= count) break;
        // white noise texels, bilinearly filtered: value noise at 256 texels per repeat
        float v = textureLod(iChannel1, p / 256.0, 0.0).r - 0.5;
        sum += amp * v;
        norm += amp * amp;
        p = mat2(1.6, 1.2, -1.2, 1.6) * p + vec2(37.0, 11.0);
        amp *= g;
    }
    return sum / sqrt(max(norm, 1e-6));
}

void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = (fragCoord - 0.5 * iResolution.xy) / iResolution.y;
    vec2 m = iMouse.xy / max(iResolution.xy, vec2(1.0));
    float t = iTime;
    vec2 p = uv * 11.0 + vec2(2.2 * t, 0.9 * t) + m * 40.0;
    float detail = octaves(p, 1.8, 6);
    float slow = octaves(p * 0.25 - vec2(0.0, 0.9 * t), 2.5, 4);
    float hue = fract(slow * 1.6 + 0.04 * t);
    float sat = clamp(0.55 + 1.4 * detail, 0.2, 1.0);
    float val = clamp(0.62 + 1.1 * detail, 0.15, 1.0);
    vec3 col = hsv2rgb(vec3(hue, sat, val));
    fragColor = vec4(col, 1.0);
}
