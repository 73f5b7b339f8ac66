void mainImage(out vec4 c, in vec2 f)
{
    float x = iTime + f.x;
    for (int i = 0; i < 1000000; i++) {
        x = fract(sin(x * 12.9898) * 43758.5453);
        x = fract(sin(x * 78.233) * 43758.5453);
        x = fract(sin(x * 39.346) * 43758.5453);
        x = fract(sin(x * 11.135) * 43758.5453);
        x = fract(sin(x * 53.761) * 43758.5453);
        x = fract(sin(x * 27.418) * 43758.5453);
        x = fract(sin(x * 94.673) * 43758.5453);
        x = fract(sin(x * 61.092) * 43758.5453);
    }
    while (x < 2.0) { x = fract(sin(x) * 43758.5453); }
    c = vec4(x);
}
