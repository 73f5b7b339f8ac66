#version 300 es
precision highp float;
uniform float iTime;
uniform vec3 iResolution;
out vec4 fragColor;
void main() {
    vec2 uv = gl_FragCoord.xy / iResolution.xy;
    fragColor = vec4(uv.x, uv.y, 0.5 + 0.5 * sin(iTime * 0.8), 1.0);
}
