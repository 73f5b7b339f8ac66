// name: cafe-wall
// family: opart
// tags: op-art, cafe-wall, illusion, tiles, mortar
// licence: MIT
// author: shaderbank contributors
// description: Cafe-wall illusion: rows of alternating dark and bright tiles separated by mid-grey mortar, the row offsets sliding in a wave so the straight mortar lines seem to tilt.

void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = (2.0 * fragCoord - iResolution.xy) / iResolution.y;
    vec2 m = iMouse.xy / max(iResolution.xy, vec2(1.0));
    float t = iTime;
    float rows = 8.0 + 2.0 * sin(t * 0.2);
    float px = rows / iResolution.y;
    vec2 p = uv * rows * 0.5;
    p.y += 0.3 * t;
    float row = floor(p.y);
    float shift = 0.5 * sin(row * 0.9 + t * 0.9 + m.x * 3.0);
    float x = p.x * 0.75 + shift + 0.4 * t;
    float tile = floor(x);
    float alt = mod(tile, 2.0);

    float hue = 0.07 * t + row * 0.05 + m.y;
    vec3 bright = 0.7 + 0.3 * cos(6.2831853 * (hue + vec3(0.0, 0.33, 0.67)));
    vec3 dark = 0.12 + 0.12 * cos(6.2831853 * (hue + 0.5 + vec3(0.0, 0.33, 0.67)));
    vec3 col = alt > 0.5 ? bright : dark;
    float fy = fract(p.y);
    float mortar = min(fy, 1.0 - fy);
    col = mix(vec3(0.5, 0.5, 0.52), col, smoothstep(0.035, 0.035 + px, mortar));
    fragColor = vec4(clamp(col, 0.0, 1.0), 1.0);
}
