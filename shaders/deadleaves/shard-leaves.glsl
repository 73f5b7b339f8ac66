// name: shard-leaves
// family: deadleaves
// tags: dead-leaves, occlusion, squares, rotated, power-law
// licence: MIT
// author: shaderbank contributors
// description: Dead leaves built from randomly rotated squares with power-law sizes, earthy autumn palette with a slight per-leaf gradient.

uint mixBits(uint x)
{
    x ^= x >> 16;
    x *= 0x21f0aaadU;
    x ^= x >> 15;
    x *= 0xd35a2d97U;
    x ^= x >> 15;
    return x;
}

vec4 rand4(vec2 cell, uint layer)
{
    ivec2 i = ivec2(cell);
    uint h = mixBits(uint(i.x) + mixBits(uint(i.y) * 0x2545f491U + layer * 0x9e3779b9U));
    uint h2 = mixBits(h ^ 0x68e31da4U);
    uint h3 = mixBits(h2 + 0xb5297a4dU);
    uint h4 = mixBits(h3 ^ 0x1b56c4e9U);
    return vec4(float(h), float(h2), float(h3), float(h4)) * (1.0 / 4294967296.0);
}

void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = fragCoord / iResolution.y;
    vec2 m = iMouse.xy / max(iResolution.xy, vec2(1.0));
    float t = iTime;
    vec3 col = vec3(0.35, 0.25, 0.15);
    for (int l = 0; l < 36; l++)
    {
        float fl = float(l);
        float u = fract(fl * 0.754878 + 0.31);
        float cellSize = 0.06 * pow(12.0, u);
        vec2 drift = vec2(0.07 + 0.05 * fract(fl * 0.53), -0.03 * sin(fl)) * t;
        vec2 p = (uv + drift + m * 2.0 + vec2(fl * 0.713, fl * 0.291)) / cellSize;
        vec2 cell = floor(p);
        vec2 f = p - cell - 0.5;
        vec4 r = rand4(cell, uint(l) + 7u);
        float ang = 6.2831853 * r.x + t * (r.y - 0.5) * 0.8;
        vec2 q = mat2(cos(ang), -sin(ang), sin(ang), cos(ang)) * (f - 0.15 * (r.zw - 0.5));
        float half1 = 0.18 + 0.14 * r.z;
        vec2 a = abs(q);
        if (max(a.x, a.y) < half1)
        {
            vec3 autumn0 = vec3(0.85, 0.35, 0.08);
            vec3 autumn1 = vec3(0.95, 0.75, 0.15);
            vec3 autumn2 = vec3(0.55, 0.12, 0.10);
            vec3 autumn3 = vec3(0.40, 0.55, 0.15);
            float k = fract(r.w * 3.7 + 0.03 * t);
            vec3 base = k < 0.25 ? autumn0 : (k < 0.5 ? autumn1 : (k < 0.75 ? autumn2 : autumn3));
            col = base * (0.75 + 0.45 * (q.x + q.y) / max(half1, 1e-3) * 0.5 + 0.1);
            break;
        }
    }
    fragColor = vec4(clamp(col, 0.0, 1.0), 1.0);
}
