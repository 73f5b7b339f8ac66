void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    float zero = fragCoord.x * 0.0;
    fragColor = vec4(sqrt(-1.0 - zero), zero / zero, 0.0, 1.0);
}
