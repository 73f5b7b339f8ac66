#ifdef GL_ES
precision mediump float;
#endif
// A polygon's distance summed into a float that starts unset.
uniform vec2 u_resolution;
uniform float u_time;
void main() {
    vec2 st = gl_FragCoord.xy / u_resolution * 2.0 - 1.0;
    float d;
    float a = atan(st.x, st.y) + 3.1416 + u_time * 0.2;
    float r = 6.2832 / 5.0;
    d += cos(floor(0.5 + a / r) * r - a) * length(st);
    float shape = 1.0 - smoothstep(0.4, 0.41, d);
    gl_FragColor = vec4(shape * vec3(0.9, 0.7, 0.2) + (1.0 - shape) * vec3(0.1, 0.2, 0.4), 1.0);
}
