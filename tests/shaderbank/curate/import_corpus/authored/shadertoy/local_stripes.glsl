// Diagonal stripes added to a local colour that is declared without a value.
void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = fragCoord / iResolution.xy;
    vec3 col;
    col.r += step(0.5, fract((uv.x + uv.y) * 6.0 - iTime * 0.2));
    col.g += 0.6 * uv.y;
    col.b += 0.4 + 0.3 * sin(uv.x * 9.0);
    fragColor = vec4(col, 1.0);
}
