// name: quad-split
// family: truchet
// tags: truchet, quadtree, multiscale, tiling, arcs
// licence: MIT
// author: shaderbank contributors
// description: Multi-scale Truchet: a random quadtree splits tiles up to three levels, each leaf drawing thick arcs in level-shifted colours.

uint mixBits(uint x)
{
    x ^= x >> 16;
    x *= 0x21f0aaadU;
    x ^= x >> 15;
    x *= 0xd35a2d97U;
    x ^= x >> 15;
    return x;
}

float cellHash(vec2 c, uint salt)
{
    ivec2 i = ivec2(c);
    uint h = mixBits(uint(i.x) + mixBits(uint(i.y) * 0x2545f491U + salt * 0x9e3779b9U));
    return float(h) * (1.0 / 4294967296.0);
}

void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = fragCoord / iResolution.y;
    vec2 m = iMouse.xy / max(iResolution.xy, vec2(1.0));
    float t = iTime;
    vec2 p = uv * 2.5 + vec2(t * 0.3, -t * 0.2) + m * 5.0;
    uint epoch = uint(int(floor(t * 0.4)));

    float scale = 1.0;
    float level = 0.0;
    vec2 cell = floor(p);
    for (int i = 0; i < 3; i++)
    {
        cell = floor(p * scale);
        if (i == 2 || cellHash(cell, uint(i) * 17u + epoch) < 0.45) break;
        scale *= 2.0;
        level += 1.0;
    }
    vec2 f = p * scale - cell;
    float flip = step(0.5, cellHash(cell, 101u + uint(level)));
    if (flip > 0.5) f.x = 1.0 - f.x;

    float r0 = length(f);
    float r1 = length(f - 1.0);
    float d = min(abs(r0 - 0.5), abs(r1 - 0.5));
    float inside = (r0 < 0.5 || r1 < 0.5) ? 1.0 : 0.0;
    float parity = mod(cell.x + cell.y + flip + inside + level, 2.0);

    vec3 pal0 = vec3(0.98, 0.85, 0.35);
    vec3 pal1 = vec3(0.15, 0.55, 0.6);
    vec3 pal2 = vec3(0.9, 0.35, 0.3);
    vec3 pal3 = vec3(0.3, 0.2, 0.45);
    vec3 back = mix(pal1, pal3, parity);
    vec3 band = level < 0.5 ? pal0 : (level < 1.5 ? pal2 : vec3(0.95, 0.95, 0.9));
    float w = 0.16;
    vec3 col = back * (0.8 + 0.2 * f.y);
    col = mix(col, vec3(0.05), smoothstep(w + 0.05, w, d) * 0.6);
    col = mix(col, band * (0.8 + 0.2 * cos(d * 30.0)), smoothstep(w, w - 0.02, d));
    fragColor = vec4(clamp(col, 0.0, 1.0), 1.0);
}
