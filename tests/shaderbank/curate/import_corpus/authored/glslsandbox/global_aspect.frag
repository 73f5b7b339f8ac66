// Global initialisers that read the uniforms: zero before the fix, so 0/0.
precision highp float;
uniform float time;
uniform vec2 resolution;
float aspect = resolution.x / resolution.y;
vec2 centre = vec2(0.5 * aspect, 0.5);
void main() {
    vec2 p = gl_FragCoord.xy / resolution.y;
    float d = length(p - centre) / (aspect - 0.999);
    gl_FragColor = vec4(smoothstep(0.5, 0.2, d), p.x / aspect, p.y, 1.0);
}
