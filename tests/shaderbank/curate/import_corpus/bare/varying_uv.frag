precision mediump float;
varying vec2 vUv;
uniform float time;
void main() {
    gl_FragColor = vec4(vUv.x, vUv.y, 0.5 + 0.5 * sin(time * 1.9), 1.0);
}
