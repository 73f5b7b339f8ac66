// name: firefly-meadow
// family: particles
// tags: particles, fireflies, glow, dusk, parallax
// licence: MIT
// author: shaderbank contributors
// description: Three parallax layers of blinking fireflies wandering over a meadow of swaying grass under a dusk sky that deepens from amber to violet.

uint mixBits(uint x)
{
    x ^= x >> 16;
    x *= 0x7feb352dU;
    x ^= x >> 15;
    x *= 0x846ca68bU;
    x ^= x >> 16;
    return x;
}

vec3 cellRand(vec2 c, float layer)
{
    ivec2 i = ivec2(c);
    uint h = mixBits(uint(i.x) * 0x9e3779b1U + mixBits(uint(i.y) + uint(int(layer)) * 0x85ebca6bU));
    uint h2 = mixBits(h ^ 0x5bd1e995U);
    uint h3 = mixBits(h2 + 0x68e31da4U);
    return vec3(float(h), float(h2), float(h3)) * (1.0 / 4294967296.0);
}

void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = (2.0 * fragCoord - iResolution.xy) / iResolution.y;
    vec2 m = iMouse.xy / max(iResolution.xy, vec2(1.0));
    float t = iTime;

    float dusk = 0.5 + 0.5 * sin(t * 0.6 + m.x * 3.0);
    vec3 skyTop = mix(vec3(0.25, 0.2, 0.55), vec3(0.12, 0.1, 0.35), dusk);
    vec3 skyLow = mix(vec3(1.0, 0.6, 0.3), vec3(0.7, 0.3, 0.5), dusk);
    vec3 col = mix(skyLow, skyTop, smoothstep(-0.3, 1.0, uv.y));

    // grass: three rows of swaying blades, darker towards the front
    for (int r = 0; r < 3; r++)
    {
        float fr = float(r);
        float sway = 0.25 * sin(uv.x * 2.0 + t * 1.3 + fr) * (uv.y + 1.0);
        float x = (uv.x + sway * 0.3) * (9.0 + 4.0 * fr) + fr * 3.7 + t * 0.25 * (fr + 1.0);
        float blade = abs(fract(x) - 0.5);
        float height = -0.3 - 0.22 * fr + 0.2 * sin(floor(x) * 1.7 + fr * 5.0) * sin(floor(x) * 0.37 + t * 0.2);
        float bladeTop = height - blade * (0.5 - 0.1 * fr);
        float inGrass = step(uv.y, bladeTop);
        vec3 grassCol = mix(vec3(0.15, 0.45, 0.3), vec3(0.05, 0.18, 0.2), fr / 2.0);
        grassCol = mix(grassCol, skyLow * 0.5, 0.2 * (1.0 - fr / 2.0));
        col = mix(col, grassCol, inGrass);
    }

    vec3 glow = vec3(0.0);
    for (int layer = 0; layer < 3; layer++)
    {
        float fl = float(layer);
        float sc = 4.0 + 2.5 * fl;
        vec2 p = uv * sc + vec2(t * (0.3 + 0.2 * fl) + m.y * 4.0, 0.1 * t) + fl * 13.0;
        vec2 cell = floor(p);
        vec2 f = p - cell;
        vec3 r = cellRand(cell, fl);
        vec2 pos = 0.5 + 0.22 * vec2(sin(t * (0.7 + r.x) + 6.2831853 * r.y), cos(t * (0.5 + r.y) + 6.2831853 * r.z));
        float d = length(f - pos);
        float blink = pow(0.5 + 0.5 * sin(t * (1.5 + 2.0 * r.z) + 6.2831853 * r.x), 3.0);
        float k = 260.0 - 50.0 * fl;
        float g = exp(-d * d * k) * 0.8 + exp(-d * d * 30.0) * 0.35;
        vec3 fc = mix(vec3(0.8, 1.0, 0.3), vec3(1.0, 0.75, 0.25), r.y);
        glow += fc * g * blink * (1.2 - 0.25 * fl);
    }
    col += glow;
    fragColor = vec4(clamp(col, 0.0, 1.0), 1.0);
}
