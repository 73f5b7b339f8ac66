#ifdef GL_ES
precision mediump float;
#endif
// Sets two channels of a colour declared without a value; blue stays as it began.
uniform vec2 u_resolution;
uniform float u_time;
void main() {
    vec2 st = gl_FragCoord.xy / u_resolution;
    vec3 c;
    c.r = smoothstep(0.2, 0.8, st.x);
    c.g = 0.5 + 0.5 * sin(st.y * 12.0 + u_time);
    gl_FragColor = vec4(c + vec3(0.0, 0.0, 0.3), 1.0);
}
