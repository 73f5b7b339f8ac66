// Light rays from the centre, added into the colour that browsers start at zero.
void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 p = (fragCoord - 0.5 * iResolution.xy) / iResolution.y;
    float a = atan(p.y, p.x);
    fragColor.rgb += vec3(0.9, 0.6, 0.2) * pow(0.5 + 0.5 * sin(a * 9.0 + iTime), 4.0);
    fragColor.rgb += vec3(0.1, 0.2, 0.5) * (1.0 - length(p));
    fragColor.a += 1.0;
}
