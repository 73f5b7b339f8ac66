// Reads only iChannelResolution[1]: the compiler may keep part of the array.
void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = fragCoord / iResolution.xy;
    vec2 texel = 1.0 / iChannelResolution[1].xy;
    vec3 col = texture(iChannel1, uv + texel * sin(iTime)).rgb;
    fragColor = vec4(mix(col, vec3(uv, 0.5), 0.5), 1.0);
}
