precision mediump float;
uniform float time;
uniform vec2 resolution;
void main() {
    gl_FragColor = vec4(0.1, 0.2, 0.3 + 0.0 * time, 1.0);
}
