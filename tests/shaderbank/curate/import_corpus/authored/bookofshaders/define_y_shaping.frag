#ifdef GL_ES
precision mediump float;
#endif
// A shaping function named by a macro `y`.
uniform vec2 u_resolution;
uniform float u_time;
#define y smoothstep(0.1, 0.9, st[0])
void main() {
    vec2 st = gl_FragCoord.xy / u_resolution;
    float line = smoothstep(0.02, 0.0, abs(st[1] - y));
    gl_FragColor = vec4(vec3(y) * vec3(0.4, 0.6, 1.0) + line * vec3(0.6, 0.0, 0.0), 1.0);
}
