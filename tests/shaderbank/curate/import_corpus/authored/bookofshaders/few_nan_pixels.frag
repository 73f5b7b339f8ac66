// One corner pixel divides zero by zero; the rest is a gradient.
#ifdef GL_ES
precision mediump float;
#endif
uniform vec2 u_resolution;
void main() {
    vec2 st = gl_FragCoord.xy / u_resolution.xy;
    float corner = step(gl_FragCoord.x, 1.0) * step(gl_FragCoord.y, 1.0);
    float zero = st.x * 0.0;
    float bad = corner > 0.5 ? zero / zero : 0.0;
    gl_FragColor = vec4(st.x + bad, st.y, 0.3, 1.0);
}
