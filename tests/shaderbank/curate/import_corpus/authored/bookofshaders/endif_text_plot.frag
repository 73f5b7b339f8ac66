// A plotted curve, with the word after #endif that browsers ignore.
#ifdef GL_ES
precision mediump float;
#endif GL_ES
uniform vec2 u_resolution;
uniform float u_time;
void main() {
    vec2 st = gl_FragCoord.xy / u_resolution;
    float y = pow(st.x, 3.0);
    float line = smoothstep(0.03, 0.0, abs(st.y - y));
    vec3 base = vec3(y, 0.5 * st.y, 0.4);
    gl_FragColor = vec4(mix(base, vec3(0.2, 1.0, 0.3), line), 1.0);
}
