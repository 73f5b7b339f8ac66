// A flower tinted by a macro named `color`.
precision mediump float;
uniform float time;
uniform vec2 resolution;
#define color vec3(0.9, 0.3, 0.6)
void main() {
    vec2 p = (gl_FragCoord.xy - 0.5 * resolution) / resolution.y;
    float r = 0.3 + 0.1 * cos(5.0 * atan(p.y, p.x) + time);
    float inside = smoothstep(r, r - 0.02, length(p));
    gl_FragColor = vec4(mix(vec3(0.1, 0.3, 0.2), color, inside), 1.0);
}
