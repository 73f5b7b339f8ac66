#ifdef GL_ES
precision mediump float;
#endif
// Declares its own iTime from u_time: a rotating square.
uniform vec2 u_resolution;
uniform float u_time;
float iTime = u_time;
void main() {
    vec2 st = gl_FragCoord.xy / u_resolution - 0.5;
    float a = iTime * 0.5;
    st = mat2(cos(a), -sin(a), sin(a), cos(a)) * st;
    vec2 b = step(abs(st), vec2(0.25));
    gl_FragColor = vec4(mix(vec3(0.9, 0.85, 0.7), vec3(0.8, 0.2, 0.2), b.x * b.y), 1.0);
}
