// name: hex-weave
// family: truchet
// tags: truchet, hexagonal, tiling, arcs, ribbons
// licence: MIT
// author: shaderbank contributors
// description: Hexagonal Truchet tiles whose three corner arcs join into endless glossy ribbons, over a tiled two-tone hex ground.

uint mixBits(uint x)
{
    x ^= x >> 17;
    x *= 0xed5ad4bbU;
    x ^= x >> 11;
    x *= 0xac4c1b51U;
    x ^= x >> 15;
    return x;
}

float cellHash(vec2 c)
{
    ivec2 i = ivec2(floor(c * 2.0 + 0.5));
    uint h = mixBits(uint(i.x) * 0x27d4eb2dU + mixBits(uint(i.y) ^ 0x165667b1U));
    return float(h) * (1.0 / 4294967296.0);
}

// returns local offset (xy) and hex centre (zw); neighbour spacing is 1
vec4 hexCell(vec2 p)
{
    vec2 s = vec2(1.0, 1.7320508);
    vec2 a = mod(p, s) - 0.5 * s;
    vec2 b = mod(p - 0.5 * s, s) - 0.5 * s;
    vec2 l = dot(a, a) < dot(b, b) ? a : b;
    return vec4(l, p - l);
}

void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = (2.0 * fragCoord - iResolution.xy) / iResolution.y;
    vec2 m = iMouse.xy / max(iResolution.xy, vec2(1.0));
    float t = iTime;
    float ang = 0.12 * t + m.x * 3.0;
    uv = mat2(cos(ang), -sin(ang), sin(ang), cos(ang)) * uv;
    vec2 p = uv * (3.2 + 0.8 * sin(t * 0.3)) + vec2(0.0, t * 0.4) + m * 6.0;
    vec4 h = hexCell(p);
    vec2 l = h.xy;
    float rnd = cellHash(h.zw + floor(t * 0.3) * 7.0);
    float rot = rnd < 0.5 ? 0.0 : 1.0471976;

    float rc = 0.5773503;
    float ra = 0.2886751;
    float best = 1e9;
    float bestIdx = 0.0;
    for (int k = 0; k < 3; k++)
    {
        float a = 0.5235988 + rot + 2.0943951 * float(k);
        vec2 corner = rc * vec2(cos(a), sin(a));
        float d = abs(length(l - corner) - ra);
        if (d < best) { best = d; bestIdx = float(k); }
    }

    float hexEdge = 0.5 - max(abs(l.x), abs(dot(l, vec2(0.5, 0.8660254))));
    hexEdge = min(hexEdge, 0.5 - abs(dot(l, vec2(-0.5, 0.8660254))));
    vec3 ground = mix(vec3(0.12, 0.22, 0.35), vec3(0.2, 0.4, 0.45), rnd);
    ground *= 0.7 + 0.3 * smoothstep(0.0, 0.06, hexEdge);

    float w = 0.1;
    float hue = 0.08 * (h.z + h.w) + 0.1 * t;
    vec3 ribbon = 0.55 + 0.45 * cos(6.2831853 * (hue + vec3(0.0, 0.33, 0.67)));
    float shade = sqrt(max(1.0 - (best / w) * (best / w), 0.0));
    vec3 col = mix(ground, vec3(0.03), smoothstep(w + 0.04, w, best) * 0.8);
    col = mix(col, ribbon * (0.45 + 0.6 * shade) + 0.35 * pow(shade, 12.0), smoothstep(w, w - 0.015, best));
    fragColor = vec4(clamp(col, 0.0, 1.0), 1.0);
}
