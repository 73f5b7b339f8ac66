// Rotating bars whose angle is a global initialiser over time.
precision mediump float;
uniform float time;
uniform vec2 resolution;
float angle = time * 0.4 + 0.5;
void main() {
    vec2 p = (gl_FragCoord.xy - 0.5 * resolution) / resolution.y;
    vec2 q = mat2(cos(angle), sin(angle), -sin(angle), cos(angle)) * p;
    float bar = step(0.5, fract(q.x * 8.0));
    gl_FragColor = vec4(bar, 0.5 * bar + 0.25 * q.y + 0.25, 0.7 - 0.5 * bar, 1.0);
}
