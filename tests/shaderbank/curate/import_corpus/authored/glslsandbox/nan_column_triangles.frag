// Triangles, with one column that divides zero by zero (a NaN line, shown black).
precision mediump float;
uniform float time;
uniform vec2 resolution;
void main() {
    vec2 uv = gl_FragCoord.xy / resolution.y * 6.0;
    float k = floor(gl_FragCoord.x) - floor(resolution.x * 0.25);
    vec2 f = fract(uv);
    float tri = step(f.x, f.y) * k / k;
    gl_FragColor = vec4(tri * 0.7 + 0.2, 0.3 + 0.3 * sin(uv.x + time), 0.6 - 0.4 * tri, 1.0);
}
