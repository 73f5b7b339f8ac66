// Two wave sources added into a float that starts unset.
precision mediump float;
uniform float time;
uniform vec2 resolution;
void main() {
    vec2 p = gl_FragCoord.xy / resolution.y;
    float v;
    v += sin(40.0 * distance(p, vec2(0.3, 0.4)) - time);
    v += sin(40.0 * distance(p, vec2(1.2, 0.6)) - time);
    gl_FragColor = vec4(0.5 + 0.25 * v, 0.4, 0.5 - 0.25 * v, 1.0);
}
