void mainImage(out vec4 c, in vec2 f)
{
    float café = 1.0;
    c = vec4(café);
}
