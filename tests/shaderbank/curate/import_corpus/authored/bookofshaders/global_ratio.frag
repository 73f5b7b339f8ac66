#ifdef GL_ES
precision mediump float;
#endif
uniform vec2 u_resolution;
uniform float u_time;
float ratio = u_resolution.x / u_resolution.y;
float inverse = 1.0 / (ratio - 0.5);
void main() {
    vec2 st = gl_FragCoord.xy / u_resolution.xy;
    st.x *= ratio * inverse * 0.5;
    float rings = 0.5 + 0.5 * sin(length(st - 0.5) * 40.0 - u_time);
    gl_FragColor = vec4(rings, st.y * rings, abs(sin(u_time)), 1.0);
}
