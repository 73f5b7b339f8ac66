void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    fragColor = vec4(notDeclaredAnywhere, 0.0, 0.0, 1.0);
}
