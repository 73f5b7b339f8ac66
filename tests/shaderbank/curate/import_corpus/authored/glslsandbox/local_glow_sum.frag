// Glowing points summed into a colour declared without a value.
precision mediump float;
uniform float time;
uniform vec2 resolution;
void main() {
    vec2 p = (gl_FragCoord.xy - 0.5 * resolution) / resolution.y;
    vec3 c;
    for (int i = 0; i < 6; i++) {
        float a = float(i) * 1.047 + time * 0.3;
        c += vec3(0.02, 0.015, 0.01) * float(i + 1) / length(p - 0.3 * vec2(cos(a), sin(a)));
    }
    gl_FragColor = vec4(c, 1.0);
}
