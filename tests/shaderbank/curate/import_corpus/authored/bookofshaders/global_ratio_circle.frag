#ifdef GL_ES
precision mediump float;
#endif
// A circle kept round by a ratio that is a global initialiser over u_resolution.
uniform vec2 u_resolution;
uniform float u_time;
float ratio = u_resolution.x / u_resolution.y;
void main() {
    vec2 st = gl_FragCoord.xy / u_resolution;
    st.x *= ratio;
    float d = distance(st, vec2(0.5 * ratio, 0.5));
    float ring = smoothstep(0.3, 0.29, d) - smoothstep(0.2, 0.19, d);
    gl_FragColor = vec4(vec3(0.2, 0.4, 0.7) + ring * vec3(0.7, 0.4, 0.0), 1.0);
}
