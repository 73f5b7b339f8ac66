#version 120
uniform float time;
uniform vec2 resolution;
void main() {
    vec2 uv = gl_FragCoord.xy / resolution;
    gl_FragColor = vec4(uv.x, uv.y, 0.5 + 0.5 * sin(time * 2.2), 1.0);
}
