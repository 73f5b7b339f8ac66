// name: knot-tiles
// family: truchet
// tags: truchet, knotwork, over-under, crossing, celtic
// licence: MIT
// author: shaderbank contributors
// description: Knotwork Truchet mixing crossing tiles and paired-arc tiles so one continuous cord weaves over and under itself, with drop shadows on a dyed leather ground.

uint mixBits(uint x)
{
    x ^= x >> 17;
    x *= 0xed5ad4bbU;
    x ^= x >> 11;
    x *= 0xac4c1b51U;
    x ^= x >> 15;
    return x;
}

float cellHash(vec2 c, float salt)
{
    ivec2 i = ivec2(c);
    uint h = mixBits(uint(i.x) * 0x27d4eb2dU + mixBits(uint(i.y) * 0x165667b1U + uint(int(salt))));
    return float(h) * (1.0 / 4294967296.0);
}

vec3 cordShade(vec3 base, float d, float w)
{
    float u = clamp(d / w, 0.0, 1.0);
    vec3 c = base * (0.45 + 0.55 * sqrt(1.0 - u * u));
    c += 0.25 * pow(1.0 - u, 6.0);
    return c * (1.0 - 0.5 * smoothstep(0.7, 1.0, u));
}

void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = (2.0 * fragCoord - iResolution.xy) / iResolution.y;
    vec2 m = iMouse.xy / max(iResolution.xy, vec2(1.0));
    float t = iTime;
    float scale = 3.6 + 0.6 * sin(t * 0.2);
    float px = scale * 2.0 / iResolution.y;
    float rot = 0.7853982 + 0.1 * sin(t * 0.15);
    vec2 p = mat2(cos(rot), -sin(rot), sin(rot), cos(rot)) * uv * scale + vec2(0.3 * t, -0.2 * t) + m * 6.0;
    vec2 cell = floor(p);
    vec2 f = p - cell;
    float epoch = floor(t * 0.4 + cellHash(cell, 5.0) * 2.0);
    float r = cellHash(cell, epoch + 9.0);
    float type = r < 0.4 ? 0.0 : (r < 0.7 ? 1.0 : 2.0);

    float hue = 0.06 * t + m.y;
    vec3 ground = 0.3 + 0.15 * cos(6.2831853 * (hue + 0.5 + vec3(0.0, 0.33, 0.67)));
    ground *= 0.9 + 0.1 * sin(p.x * 9.0 + sin(p.y * 7.0));
    vec3 cordCol = 0.6 + 0.4 * cos(6.2831853 * (hue + vec3(0.0, 0.33, 0.67)));
    vec3 cordCol2 = 0.6 + 0.4 * cos(6.2831853 * (hue + 0.15 + vec3(0.0, 0.33, 0.67)));
    float w = 0.17;
    vec3 col = ground;

    if (type < 0.5)
    {
        // crossing: horizontal and vertical cords, the top one alternating like a weave
        float dh = abs(f.y - 0.5);
        float dv = abs(f.x - 0.5);
        bool hTop = mod(cell.x + cell.y, 2.0) < 0.5;
        float dTop = hTop ? dh : dv;
        float dBot = hTop ? dv : dh;
        vec3 cTop = hTop ? cordCol : cordCol2;
        vec3 cBot = hTop ? cordCol2 : cordCol;
        col *= 1.0 - 0.5 * smoothstep(w + 0.1, w, min(dh, dv));
        col = mix(col, cordShade(cBot, dBot, w), smoothstep(w, w - px, dBot));
        col *= 1.0 - 0.55 * smoothstep(w + 0.09, w, dTop) * step(dBot, w);
        col = mix(col, cordShade(cTop, dTop, w), smoothstep(w, w - px, dTop));
    }
    else
    {
        vec2 g = type < 1.5 ? f : vec2(1.0 - f.x, f.y);
        float d = min(abs(length(g) - 0.5), abs(length(g - 1.0) - 0.5));
        bool horizontalEnd = length(g) < length(g - 1.0);
        col *= 1.0 - 0.5 * smoothstep(w + 0.1, w, d);
        col = mix(col, cordShade(mix(cordCol, cordCol2, 0.5), d, w), smoothstep(w, w - px, d));
    }
    fragColor = vec4(clamp(col, 0.0, 1.0), 1.0);
}
