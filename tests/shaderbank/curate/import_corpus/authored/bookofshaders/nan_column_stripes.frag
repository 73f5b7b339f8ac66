#ifdef GL_ES
precision mediump float;
#endif
// Stripes, with one column that divides zero by zero (a NaN line, shown black).
uniform vec2 u_resolution;
uniform float u_time;
void main() {
    vec2 st = gl_FragCoord.xy / u_resolution;
    float k = floor(gl_FragCoord.x) - floor(u_resolution.x * 0.75);
    float s = fract(st.x * 5.0 + st.y * 2.0) * k / k;
    gl_FragColor = vec4(s, 1.0 - s, 0.5 + 0.4 * sin(u_time + st.y * 3.0), 1.0);
}
