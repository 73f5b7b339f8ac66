// name: confetti-discs
// family: deadleaves
// tags: dead-leaves, occlusion, discs, power-law, scale-invariant
// licence: MIT
// author: shaderbank contributors
// description: Dead-leaves model of opaque discs with power-law radii, 32 drifting layers, flat saturated confetti colours.

uint mixBits(uint x)
{
    x ^= x >> 16;
    x *= 0x7feb352dU;
    x ^= x >> 15;
    x *= 0x846ca68bU;
    x ^= x >> 16;
    return x;
}

vec4 rand4(vec2 cell, uint layer)
{
    ivec2 i = ivec2(cell);
    uint h = mixBits(uint(i.x) * 0x9e3779b1U ^ mixBits(uint(i.y) + layer * 0x85ebca6bU));
    uint h2 = mixBits(h + 0x632be5abU);
    uint h3 = mixBits(h2 ^ 0x1b873593U);
    uint h4 = mixBits(h3 + 0xe6546b64U);
    return vec4(float(h), float(h2), float(h3), float(h4)) * (1.0 / 4294967296.0);
}

vec3 palette(float k)
{
    return 0.55 + 0.45 * cos(6.2831853 * (k + vec3(0.0, 0.33, 0.67)));
}

void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = fragCoord / iResolution.y;
    vec2 m = iMouse.xy / max(iResolution.xy, vec2(1.0));
    float t = iTime;
    vec3 col = vec3(0.5);
    for (int l = 0; l < 32; l++)
    {
        float fl = float(l);
        uint lid = uint(l) + 1u;
        // cell size follows a power law over layers: few big, many small
        float u = fract(fl * 0.618034 + 0.17);
        float cellSize = 0.07 * pow(10.0, u);
        vec2 drift = vec2(cos(fl * 2.4), sin(fl * 2.4)) * (0.05 + 0.06 * fract(fl * 0.37)) * t;
        vec2 p = (uv + drift + m + vec2(fl * 0.371, fl * 0.193)) / cellSize;
        vec2 cell = floor(p);
        vec2 f = p - cell;
        vec4 r = rand4(cell, lid);
        float rad = 0.2 + 0.28 * r.z;
        vec2 c = rad + (1.0 - 2.0 * rad) * r.xy;
        if (length(f - c) < rad)
        {
            float k = r.w + 0.02 * t;
            col = palette(k) * (0.75 + 0.25 * fract(r.w * 7.0));
            break;
        }
    }
    fragColor = vec4(clamp(col, 0.0, 1.0), 1.0);
}
