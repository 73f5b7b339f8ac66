// name: diagonal-maze
// family: truchet
// tags: truchet, maze, diagonal, 10-print, relief
// licence: MIT
// author: shaderbank contributors
// description: Ten-print diagonal maze of raised bevelled walls lit by a circling lamp, walls flipping in travelling waves over a floor washed in shifting colour.

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
    vec2 uv = (2.0 * fragCoord - iResolution.xy) / iResolution.y;
    vec2 m = iMouse.xy / max(iResolution.xy, vec2(1.0));
    float t = iTime;
    float scale = 4.5 + 1.0 * sin(t * 0.17);
    vec2 p = uv * scale + vec2(t * 0.4, t * 0.25) + m * 8.0;
    vec2 cell = floor(p);
    vec2 f = p - cell - 0.5;
    float wave = floor(t * 0.8 - 0.15 * length(cell - vec2(t * 0.4, t * 0.25)) + cellHash(cell, 1.0) * 0.5);
    float flip = step(0.5, cellHash(cell, wave + 20.0));
    float sx = flip > 0.5 ? -1.0 : 1.0;
    f.x *= sx;

    float s = (f.x - f.y) * 0.70710678;
    float d = abs(s);
    float w = 0.16;
    float wall = smoothstep(w, w * 0.3, d);
    vec2 g = sign(s) * vec2(0.70710678 * sx, -0.70710678);
    float slope = smoothstep(w * 0.3, w, d);
    vec3 n = normalize(vec3(g * slope * 1.4, 1.0));
    vec3 l = normalize(vec3(cos(t * 0.7), sin(t * 0.7), 0.9));
    float dif = max(dot(n, l), 0.0);

    vec2 wp = cell / 12.0;
    vec3 floorCol = 0.5 + 0.4 * cos(6.2831853 * (wp.x * 0.6 + wp.y * 0.4 + 0.07 * t + m.y + vec3(0.0, 0.33, 0.67)));
    floorCol *= 0.75 + 0.25 * smoothstep(0.0, 0.3, d - w);
    vec3 wallCol = mix(vec3(0.95, 0.92, 0.85), floorCol * 1.3, 0.25) * (0.45 + 0.7 * dif);
    vec3 col = mix(floorCol * (1.0 - 0.35 * smoothstep(w + 0.12, w, d)), wallCol, wall);
    fragColor = vec4(clamp(col, 0.0, 1.0), 1.0);
}
