// Voronoi cells: the nearest distance starts in a local declared without a value,
// and min() with an undefined start is where desktop drivers differ from browsers.
vec2 point(vec2 c) { return 0.5 + 0.4 * sin(iTime * 0.5 + 6.2831 * fract(sin(vec2(dot(c, vec2(127.1, 311.7)), dot(c, vec2(269.5, 183.3)))) * 43758.5)); }
void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 p = fragCoord / iResolution.y * 5.0;
    vec2 id = floor(p);
    float best;
    best += 8.0;
    for (int y = -1; y <= 1; y++)
        for (int x = -1; x <= 1; x++) {
            vec2 c = id + vec2(x, y);
            best = min(best, length(c + point(c) - p));
        }
    fragColor = vec4(vec3(best, best * best, 0.4 + 0.3 * best) + 0.1, 1.0);
}
