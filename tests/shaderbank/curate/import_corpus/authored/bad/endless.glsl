void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    // Never ends: x stays in [0, 1). The long loop first makes sure no compiler that
    // drops a side-effect-free endless loop turns this into a program that merely runs
    // slowly (llvmpipe once returned "too slow" for the while loop alone).
    float x = fract(fragCoord.x * 0.37 + iTime);
    for (int i = 0; i < 4000000; i++) {
        x = fract(sin(x * 91.7) * 4375.85);
    }
    while (x < 2.0) {
        x = fract(x * 3.1 + 0.17);
    }
    fragColor = vec4(x);
}
