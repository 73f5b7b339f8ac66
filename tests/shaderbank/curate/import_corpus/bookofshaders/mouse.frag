#ifdef GL_ES
precision mediump float;
#endif
uniform vec2 u_resolution;
uniform vec2 u_mouse;
uniform float u_time;
void main() {
    vec2 st = gl_FragCoord.xy / u_resolution;
    vec2 m = u_mouse / u_resolution;
    gl_FragColor = vec4(st.x, st.y, smoothstep(0.3, 0.0, distance(st, m)) + 0.05 * sin(u_time), 1.0);
}
