#ifdef GL_ES
precision mediump float;
#endif
// Tiled circles sized by a macro named `tile`.
uniform vec2 u_resolution;
uniform float u_time;
#define tile 5.0
void main() {
    vec2 st = fract(gl_FragCoord.xy / u_resolution * tile) - 0.5;
    float c = smoothstep(0.35, 0.33, length(st));
    gl_FragColor = vec4(mix(vec3(0.95, 0.9, 0.8), vec3(0.1, 0.5, 0.5), c), 1.0);
}
