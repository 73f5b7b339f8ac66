precision mediump float;
uniform float time;
uniform vec2 resolution;
void main() {
    vec2 uv = gl_FragCoord.xy / resolution.xy;
    gl_FragColor = vec4(log(-1.0 - uv.x), uv.y, 0.0, 1.0);
}
