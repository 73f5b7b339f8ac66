// A colour wheel whose hue is added to a float declared without a value.
#ifdef GL_ES
precision mediump float;
#endif
uniform vec2 u_resolution;
uniform float u_time;
vec3 hsb2rgb(vec3 c) {
    vec3 rgb = clamp(abs(mod(c.x * 6.0 + vec3(0.0, 4.0, 2.0), 6.0) - 3.0) - 1.0, 0.0, 1.0);
    return c.z * mix(vec3(1.0), rgb * rgb * (3.0 - 2.0 * rgb), c.y);
}
void main() {
    vec2 st = gl_FragCoord.xy / u_resolution - 0.5;
    float h;
    h += atan(st.y, st.x) / 6.2832 + 0.5 + 0.05 * u_time;
    gl_FragColor = vec4(hsb2rgb(vec3(h, length(st) * 2.0, 1.0)), 1.0);
}
