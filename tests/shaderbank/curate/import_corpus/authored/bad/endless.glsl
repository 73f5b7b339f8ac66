void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    float x = fragCoord.x;
    while (x > -1.0) {
        x = fract(x * 1.618) + 0.5;
    }
    fragColor = vec4(x);
}
