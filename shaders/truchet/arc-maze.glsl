// name: arc-maze
// family: truchet
// tags: truchet, tiling, arcs, two-colour, maze
// licence: MIT
// author: shaderbank contributors
// description: Quarter-circle Truchet tiling with two-coloured regions, banded arcs and tiles that flip over time while the grid scrolls.

uint mixBits(uint x)
{
    x ^= x >> 16;
    x *= 0x7feb352dU;
    x ^= x >> 15;
    x *= 0x846ca68bU;
    x ^= x >> 16;
    return x;
}

float cellHash(vec2 c, float salt)
{
    ivec2 i = ivec2(c);
    uint h = mixBits(uint(i.x) * 0x9e3779b1U ^ mixBits(uint(i.y) + uint(int(salt)) * 0x85ebca6bU));
    return float(h) * (1.0 / 4294967296.0);
}

void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = fragCoord / iResolution.y;
    vec2 m = iMouse.xy / max(iResolution.xy, vec2(1.0));
    float t = iTime;
    vec2 p = uv * 7.0 + vec2(t * 0.6, t * 0.25) + m * 10.0;
    vec2 cell = floor(p);
    vec2 f = p - cell;

    float phase = cellHash(cell, 3.0);
    float flipT = floor(t * 0.5 + phase * 3.0);
    float flip = step(0.5, cellHash(cell, flipT + 11.0));
    if (flip > 0.5) f.x = 1.0 - f.x;

    float r0 = length(f);
    float r1 = length(f - 1.0);
    float d = min(abs(r0 - 0.5), abs(r1 - 0.5));
    float inside = (r0 < 0.5 || r1 < 0.5) ? 1.0 : 0.0;
    float parity = mod(cell.x + cell.y + flip + inside, 2.0);

    vec3 ca = 0.55 + 0.45 * cos(6.2831853 * (0.05 * t + vec3(0.0, 0.1, 0.2)));
    vec3 cb = 0.55 + 0.45 * cos(6.2831853 * (0.05 * t + 0.5 + vec3(0.0, 0.1, 0.2)));
    vec3 col = mix(ca, cb, parity);
    col *= 0.75 + 0.25 * smoothstep(0.0, 0.5, d);

    float along = (r0 < r1 ? atan(f.y, f.x) : atan(f.y - 1.0, f.x - 1.0));
    float stripes = 0.5 + 0.5 * sin(along * 8.0 + t * 4.0 + (cell.x - cell.y) * 1.3);
    vec3 band = mix(vec3(0.98, 0.92, 0.7), vec3(0.95, 0.3, 0.25), stripes);
    float bw = 0.11;
    col = mix(col, vec3(0.08, 0.05, 0.1), smoothstep(bw + 0.03, bw, d));
    col = mix(col, band, smoothstep(bw, bw - 0.03, d));
    fragColor = vec4(clamp(col, 0.0, 1.0), 1.0);
}
