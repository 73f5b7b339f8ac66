// name: contour-truchet
// family: truchet
// tags: truchet, contours, bands, arcs, topographic
// licence: MIT
// author: shaderbank contributors
// description: Quarter-arc Truchet drawn as nested contour bands of the distance to the arcs, flowing outward in a sliding rainbow like a topographic map of winding ridges.

uint mixBits(uint x)
{
    x ^= x >> 16;
    x *= 0x45d9f3bU;
    x ^= x >> 16;
    x *= 0x45d9f3bU;
    x ^= x >> 16;
    return x;
}

float cellHash(vec2 c, float salt)
{
    ivec2 i = ivec2(c);
    uint h = mixBits(uint(i.x) + mixBits(uint(i.y) + mixBits(uint(int(salt)) + 0x1234567U)));
    return float(h) * (1.0 / 4294967296.0);
}

void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = (2.0 * fragCoord - iResolution.xy) / iResolution.y;
    vec2 m = iMouse.xy / max(iResolution.xy, vec2(1.0));
    float t = iTime;
    float scale = 2.6 + 0.5 * sin(t * 0.21);
    float px = scale * 2.0 / iResolution.y;
    vec2 p = uv * scale + vec2(-t * 0.2, t * 0.3) + m * 6.0;
    vec2 cell = floor(p);
    vec2 f = p - cell;
    float flip = step(0.5, cellHash(cell, floor(t * 0.3 + cellHash(cell, 2.0)) + 30.0));
    if (flip > 0.5) f.x = 1.0 - f.x;
    float r0 = length(f) - 0.5;
    float r1 = length(f - 1.0) - 0.5;
    float sd = abs(r0) < abs(r1) ? r0 : r1;
    float d = abs(sd);
    float side = sign(sd);

    float bands = 7.0;
    float k = d * bands * 2.0 - t * 0.8 * side;
    float idx = floor(k);
    float fk = fract(k);
    float hue = idx * 0.09 * side + 0.04 * t + m.y + (side > 0.0 ? 0.0 : 0.5);
    vec3 col = 0.55 + 0.45 * cos(6.2831853 * (hue + vec3(0.0, 0.33, 0.67)));
    float lineW = min(fk, 1.0 - fk) / (bands * 2.0);
    col *= 0.7 + 0.3 * smoothstep(0.0, px, lineW);
    col = mix(col, vec3(0.05, 0.03, 0.1), smoothstep(0.03 + px, 0.03, d));
    fragColor = vec4(clamp(col, 0.0, 1.0), 1.0);
}
