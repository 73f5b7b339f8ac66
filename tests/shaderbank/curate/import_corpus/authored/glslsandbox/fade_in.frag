// Black until t=8, then a gradient fades in: flat at t=1, 4 and 7 only.
precision mediump float;
uniform float time;
uniform vec2 resolution;
void main() {
    vec2 uv = gl_FragCoord.xy / resolution.xy;
    gl_FragColor = vec4(vec3(uv, 0.5) * smoothstep(8.0, 11.0, time), 1.0);
}
