// Rolling hills, with one row that divides zero by zero (a NaN line, shown black).
precision mediump float;
uniform float time;
uniform vec2 resolution;
void main() {
    vec2 uv = gl_FragCoord.xy / resolution;
    float k = floor(gl_FragCoord.y) - floor(resolution.y * 0.8);
    float hill = step(uv.y, 0.4 + 0.15 * sin(uv.x * 8.0 + time * 0.5)) * k / k;
    gl_FragColor = vec4(mix(vec3(0.5, 0.7, 1.0), vec3(0.2, 0.6, 0.2), hill), 1.0);
}
