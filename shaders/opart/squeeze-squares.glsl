// name: squeeze-squares
// family: opart
// tags: op-art, checkerboard, compression, fold, riley
// licence: MIT
// author: shaderbank contributors
// description: Checkerboard whose columns and rows compress towards two travelling fold lines, so the flat grid seems to bend away into a crease, in complementary colour pairs.

float squeeze(float x, float c, float k)
{
    float d = x - c;
    return c + sign(d) * pow(abs(d), k);
}

void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = (2.0 * fragCoord - iResolution.xy) / iResolution.y;
    vec2 m = iMouse.xy / max(iResolution.xy, vec2(1.0));
    float t = iTime;
    float foldX = 0.6 * sin(t * 0.35) + (m.x - 0.5) * 0.5;
    float foldY = 0.5 * cos(t * 0.27);
    float kx = 1.6 + 0.5 * sin(t * 0.5);
    float x = squeeze(uv.x, foldX, kx);
    float y = squeeze(uv.y, foldY, 1.2 + 0.3 * cos(t * 0.4));
    float n = 6.0;
    vec2 g = vec2(x, y) * n;
    float chk = mod(floor(g.x) + floor(g.y), 2.0);
    vec2 f = fract(g);
    float hue = 0.05 * t + m.y;
    vec3 a = 0.5 + 0.45 * cos(6.2831853 * (hue + vec3(0.0, 0.33, 0.67)));
    vec3 b = 0.5 + 0.45 * cos(6.2831853 * (hue + 0.5 + vec3(0.0, 0.33, 0.67)));
    vec3 col = mix(a * 0.25, b, chk);
    col = mix(col, mix(vec3(0.95), vec3(0.05), chk), 0.15 * step(0.5, mod(floor(g.x * 0.5), 2.0)));
    fragColor = vec4(clamp(col, 0.0, 1.0), 1.0);
}
