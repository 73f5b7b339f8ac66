// Bands of a macro named `y`.
precision mediump float;
uniform float time;
uniform vec2 resolution;
#define y (gl_FragCoord.y / resolution.y)
void main() {
    float x = gl_FragCoord.x / resolution.x;
    float b = step(0.5, fract(y * 9.0 + 0.2 * sin(x * 6.2831 + time)));
    gl_FragColor = vec4(b * 0.8 + 0.1, x, 1.0 - b * 0.7, 1.0);
}
