// name: basket-weave
// family: weave
// tags: weave, basket, strips, over-under, fabric
// licence: MIT
// author: shaderbank contributors
// description: Basket weave of triple strips alternating direction block by block, rounded strips dipping under their neighbours, in two dyed colours that trade places over time.

void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = (2.0 * fragCoord - iResolution.xy) / iResolution.y;
    vec2 m = iMouse.xy / max(iResolution.xy, vec2(1.0));
    float t = iTime;
    float scale = 3.0 + 0.6 * sin(t * 0.2);
    float rot = 0.08 * t + m.x;
    vec2 p = mat2(cos(rot), -sin(rot), sin(rot), cos(rot)) * uv * scale + vec2(0.3 * t, 0.12 * t);
    float px = scale * 2.0 / iResolution.y;

    vec2 cell = floor(p);
    vec2 f = p - cell;
    float horiz = mod(cell.x + cell.y, 2.0);
    // across: coordinate across the strips, along: along them
    float across = horiz > 0.5 ? f.y : f.x;
    float along = horiz > 0.5 ? f.x : f.y;
    float strips = 3.0;
    float sIdx = floor(across * strips);
    float sf = fract(across * strips);
    float profile = sin(3.14159265 * sf);
    float dip = smoothstep(0.0, 0.18, along) * smoothstep(1.0, 0.82, along);

    float swap = 0.5 + 0.5 * sin(t * 0.6 + m.y * 3.0 + 0.3 * (cell.x - cell.y));
    vec3 dyeA = mix(vec3(0.85, 0.3, 0.2), vec3(0.2, 0.55, 0.75), swap);
    vec3 dyeB = mix(vec3(0.95, 0.8, 0.5), vec3(0.95, 0.6, 0.3), 1.0 - swap);
    vec3 base = horiz > 0.5 ? dyeA : dyeB;
    base = mix(base, base.zxy, 0.15 * step(1.5, sIdx));
    float fibre = 0.5 + 0.5 * sin(along * 60.0 + sIdx * 2.0 + sin(across * 20.0));
    vec3 col = base * (0.45 + 0.55 * profile) * (0.55 + 0.45 * dip);
    col *= 0.92 + 0.08 * fibre;
    col += 0.18 * pow(profile, 8.0) * dip;
    float gap = min(sf, 1.0 - sf) / strips;
    col *= 0.6 + 0.4 * smoothstep(0.0, 0.03 + px, gap);
    float blockEdge = min(min(f.x, 1.0 - f.x), min(f.y, 1.0 - f.y));
    col *= 0.55 + 0.45 * smoothstep(0.0, 0.05 + px, blockEdge);
    fragColor = vec4(clamp(col, 0.0, 1.0), 1.0);
}
