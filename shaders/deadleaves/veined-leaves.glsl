// name: veined-leaves
// family: deadleaves
// tags: dead-leaves, leaves, veins, texture, power-law
// licence: MIT
// author: shaderbank contributors
// description: Pointed leaf shapes with a midrib and side veins, power-law sizes (alpha 3.2) fallen in layers, greens, reds, golds and plums that drift with the wind.

uint spinBits(uint v)
{
    v ^= v >> 16;
    v *= 0x7feb352dU;
    v ^= v >> 15;
    v *= 0x846ca68bU;
    v ^= v >> 16;
    return v;
}

vec4 rand4(vec2 cell, uint layer)
{
    ivec2 i = ivec2(cell);
    uint h = spinBits(uint(i.x) * 0x27d4eb2dU ^ spinBits(uint(i.y) + layer * 0x85ebca6bU));
    uint h2 = spinBits(h + 0x68e31da4U);
    return vec4(float(h), float(h2), float(spinBits(h2 ^ 0xb5297a4dU)), float(spinBits(h ^ 0x1b56c4e9U))) * (1.0 / 4294967296.0);
}

void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = (fragCoord - 0.5 * iResolution.xy) / iResolution.y;
    vec2 m = iMouse.xy / max(iResolution.xy, vec2(1.0));
    float t = iTime;
    const float alpha = 3.2;
    const float rmin = 0.06;
    vec3 col = vec3(0.35, 0.25, 0.2);
    for (int l = 0; l < 30; l++)
    {
        float fl = float(l);
        float u = fract(fl * 0.618034 + 0.77);
        float r = min(rmin * pow(1.0 - 0.999 * u, -1.0 / (alpha - 1.0)), 0.5);
        float cellSize = 2.0 * r;
        vec2 wind = vec2(0.09, -0.03) * t * (0.6 + 0.8 * fract(fl * 0.37));
        vec2 p = (uv + wind + vec2(fl * 0.61, fl * 0.27) + m * 2.5) / cellSize;
        vec2 cell = floor(p);
        vec2 f = (p - cell - 0.5) * cellSize;
        vec4 h = rand4(cell, uint(l) + 5u);
        float ang = 6.2831853 * h.x + 0.5 * sin(t * 0.7 + h.y * 6.0);
        vec2 q = mat2(cos(ang), -sin(ang), sin(ang), cos(ang)) * f / (r * (0.8 + 0.2 * h.z));
        // leaf outline: lens between two circle arcs, |x| along the blade
        float w = 0.5 * (1.0 - q.x * q.x);
        if (abs(q.x) < 1.0 && abs(q.y) < w)
        {
            float k = fract(h.w + 0.02 * t);
            vec3 green = vec3(0.3, 0.65, 0.2);
            vec3 red = vec3(0.85, 0.2, 0.15);
            vec3 gold = vec3(0.95, 0.7, 0.15);
            vec3 plum = vec3(0.55, 0.2, 0.5);
            vec3 base = k < 0.3 ? green : (k < 0.55 ? red : (k < 0.8 ? gold : plum));
            base = mix(base, base.gbr, 0.15 * h.y);
            float rib = smoothstep(0.05, 0.0, abs(q.y));
            float side = abs(fract((q.x + abs(q.y) * 1.3) * 4.0) - 0.5);
            float veins = smoothstep(0.08, 0.0, side) * step(0.05, abs(q.y));
            vec3 c = base * (0.75 + 0.35 * (1.0 - abs(q.y) / max(w, 1e-3)));
            c = mix(c, base * 1.35 + 0.1, 0.6 * max(rib, veins * 0.6));
            c *= 0.85 + 0.15 * step(0.0, q.y);
            col = c;
            break;
        }
    }
    fragColor = vec4(clamp(col, 0.0, 1.0), 1.0);
}
