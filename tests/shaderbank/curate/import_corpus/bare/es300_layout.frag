#version 300 es
precision highp float;
uniform float u_time;
uniform vec2 u_res;
layout(location = 0) out vec4 color;
void main() {
    vec2 uv = gl_FragCoord.xy / u_res;
    color = vec4(uv.x, uv.y, fract(u_time * 0.45), 1.0);
}
