// A checkerboard whose aspect ratio is a global initialiser over iResolution.
float aspect = iResolution.x / iResolution.y;
void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = fragCoord / iResolution.xy * vec2(aspect, 1.0) * 6.0;
    float c = mod(floor(uv.x) + floor(uv.y + 0.3 * iTime), 2.0);
    fragColor = vec4(mix(vec3(0.9, 0.3, 0.3), vec3(0.2, 0.3, 0.8), c), 1.0);
}
