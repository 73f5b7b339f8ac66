#version 300 es
#extension GL_OES_standard_derivatives : enable
precision highp float;
precision mediump int;
void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = fragCoord / iResolution.xy;
    float w = fwidth(uv.x) * 100.0;
    fragColor = vec4(uv.x, uv.y, clamp(w, 0.0, 1.0) * 0.5 + 0.25 * sin(iTime), 1.0);
}
