#ifdef GL_ES
precision mediump float;
#endif
uniform vec2 u_resolution;
uniform vec2 u_mouse;
uniform float u_time;
vec4 iMouse;
float iTime;
void main() {
    iMouse = vec4(u_mouse, 0.0, 0.0);
    iTime = u_time;
    vec2 st = gl_FragCoord.xy / u_resolution.xy;
    float near = 1.0 - clamp(distance(gl_FragCoord.xy, iMouse.xy) / u_resolution.y, 0.0, 1.0);
    gl_FragColor = vec4(st.x, st.y, near * fract(iTime), 1.0);
}
