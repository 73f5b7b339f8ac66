precision mediump float;
uniform float uTime;
uniform vec2 uResolution;
void main(void) {
    vec2 uv = gl_FragCoord.xy / uResolution;
    gl_FragColor = vec4(uv.x, uv.y, 0.5 + 0.5 * sin(uTime * 1.1), 1.0);
}
