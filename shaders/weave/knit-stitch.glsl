// name: knit-stitch
// family: weave
// tags: weave, knit, stockinette, jacquard, yarn
// licence: MIT
// author: shaderbank contributors
// description: Stockinette knitting of V-shaped yarn loops carrying a scrolling Fair Isle jacquard of diamonds and crosses in three shifting yarn colours.

float motif(vec2 c, float t)
{
    float band = floor(c.y / 9.0);
    vec2 q = vec2(mod(c.x, 10.0) - 4.5, mod(c.y, 9.0) - 4.0);
    float kind = mod(band + floor(t * 0.3), 3.0);
    float diamond = step(abs(q.x) + abs(q.y), 3.5) * step(1.5, abs(q.x) + abs(q.y));
    float crossM = step(min(abs(q.x), abs(q.y)), 0.6) * step(max(abs(q.x), abs(q.y)), 3.6);
    float dots = step(length(q), 2.2);
    float v = kind < 0.5 ? diamond : (kind < 1.5 ? crossM : dots);
    float border = step(3.6, abs(q.y));
    return border > 0.5 ? 2.0 * step(0.5, mod(c.x + floor(c.y), 2.0)) : v;
}

void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = (2.0 * fragCoord - iResolution.xy) / iResolution.y;
    vec2 m = iMouse.xy / max(iResolution.xy, vec2(1.0));
    float t = iTime;
    float stitches = 9.0 + 2.0 * sin(t * 0.2);
    vec2 p = uv * stitches * vec2(0.5, 0.7) + vec2(t * 0.4 + m.x * 10.0, -t * 1.1);

    vec3 yarn0 = 0.5 + 0.4 * cos(6.2831853 * (0.05 * t + m.y + vec3(0.0, 0.33, 0.67)));
    vec3 yarn1 = vec3(0.95, 0.9, 0.8);
    vec3 yarn2 = 0.45 + 0.4 * cos(6.2831853 * (0.05 * t + m.y + 0.45 + vec3(0.0, 0.33, 0.67)));
    vec3 col = yarn0 * 0.2;
    float bestDepth = -1.0;
    // legs of this row and of the rows above and below that reach into it
    for (int r = -1; r < 2; r++)
    {
        vec2 cell = floor(p) + vec2(0.0, float(r));
        vec2 f = p - cell - 0.5;
        for (int side = 0; side < 2; side++)
        {
            float sx = side == 0 ? -1.0 : 1.0;
            vec2 l = f - vec2(0.22 * sx, 0.12);
            float ang = -0.55 * sx;
            l = mat2(cos(ang), -sin(ang), sin(ang), cos(ang)) * l;
            vec2 e = l / vec2(0.2, 0.62);
            float rr = dot(e, e);
            if (rr < 1.0)
            {
                float depth = sqrt(1.0 - rr) + 0.3 * l.y;
                if (depth > bestDepth)
                {
                    bestDepth = depth;
                    float kind = motif(cell, t);
                    vec3 yc = kind < 0.5 ? yarn0 : (kind < 1.5 ? yarn1 : yarn2);
                    float ply = 0.5 + 0.5 * sin((l.y * 3.0 + l.x * 1.5 * sx) * 12.0);
                    col = yc * (0.35 + 0.65 * sqrt(1.0 - rr)) * (0.85 + 0.15 * ply);
                }
            }
        }
    }
    fragColor = vec4(clamp(col, 0.0, 1.0), 1.0);
}
