#version 330 core
uniform float time;
uniform vec2 resolution;
out vec4 FragColor;
void main() {
    vec2 uv = gl_FragCoord.xy / resolution;
    FragColor = vec4(uv.x, uv.y, 0.5 + 0.5 * cos(time), 1.0);
}
