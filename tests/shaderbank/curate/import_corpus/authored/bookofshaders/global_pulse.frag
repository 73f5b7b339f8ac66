#ifdef GL_ES
precision mediump float;
#endif
// A pulse whose phase is a global initialiser over u_time.
uniform vec2 u_resolution;
uniform float u_time;
float phase = u_time * 1.3 + 1.0;
void main() {
    vec2 st = gl_FragCoord.xy / u_resolution;
    float v = 0.5 + 0.5 * sin(phase + st.x * 10.0) * cos(st.y * 6.0);
    gl_FragColor = vec4(v, st.y * 0.8, 0.9 - v * 0.6, 1.0);
}
