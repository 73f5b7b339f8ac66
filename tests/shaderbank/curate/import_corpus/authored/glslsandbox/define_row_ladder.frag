// A ladder of coloured rungs indexed by a macro named `row`.
precision mediump float;
uniform float time;
uniform vec2 resolution;
#define row floor(gl_FragCoord.y / resolution.y * 10.0)
void main() {
    float x = gl_FragCoord.x / resolution.x;
    float rung = step(abs(x - 0.5 - 0.2 * sin(row + time)), 0.25);
    gl_FragColor = vec4(rung * (0.5 + 0.5 * sin(row * vec3(0.9, 1.7, 2.3))) + 0.08, 1.0);
}
