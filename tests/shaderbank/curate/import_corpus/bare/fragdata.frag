#version 100
precision mediump float;
uniform float time;
uniform vec2 resolution;
void main() {
    vec2 uv = gl_FragCoord.xy / resolution;
    gl_FragData[0] = vec4(uv.x, uv.y, 0.5 + 0.5 * sin(time * 1.3 + 1.0), 1.0);
}
