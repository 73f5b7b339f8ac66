// Stars added into a colour that browsers start at zero, on a hashed grid.
vec2 hash2(vec2 p) { return fract(sin(vec2(dot(p, vec2(12.7, 31.1)), dot(p, vec2(26.9, 18.3)))) * 9341.7); }
void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 p = fragCoord / iResolution.y * 10.0;
    for (int dy = -1; dy <= 1; dy++)
        for (int dx = -1; dx <= 1; dx++) {
            vec2 cell = floor(p) + vec2(dx, dy);
            vec2 star = cell + hash2(cell);
            float twinkle = 0.6 + 0.4 * sin(iTime * 3.0 + cell.x * 7.0);
            fragColor.rgb += twinkle * vec3(1.0, 0.9, 0.7) * 0.03 / length(p - star);
        }
    fragColor.rgb += vec3(0.05, 0.05, 0.15);
    fragColor.a = 1.0;
}
