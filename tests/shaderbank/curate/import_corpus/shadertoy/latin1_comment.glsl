// Autor: José Muñoz, licence CC0
void mainImage(out vec4 c, in vec2 f)
{
    vec2 uv = f / iResolution.xy;
    c = vec4(uv.x, uv.y, 0.5 + 0.5 * sin(iTime * 1.4), 1.0);
}
