// A word after #endif, which browsers ignore: a sliding checkerboard.
#ifdef GL_ES
precision highp float;
#endif GL_ES
uniform float time;
uniform vec2 resolution;
void main() {
    vec2 c = floor(gl_FragCoord.xy / resolution.y * 5.0 + vec2(time * 0.2, 0.0));
    float k = mod(c.x + c.y, 2.0);
    gl_FragColor = vec4(0.8 * k + 0.1, 0.5, 0.9 - 0.7 * k, 1.0);
}
