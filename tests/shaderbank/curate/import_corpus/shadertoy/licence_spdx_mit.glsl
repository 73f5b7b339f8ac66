// SPDX-License-Identifier: MIT
// Gradient under a slow pulse, with a licence stated the machine-readable way.
void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = fragCoord / iResolution.xy;
    fragColor = vec4(uv.x, uv.y, 0.25 + 0.25 * sin(iTime * 0.7), 1.0);
}
