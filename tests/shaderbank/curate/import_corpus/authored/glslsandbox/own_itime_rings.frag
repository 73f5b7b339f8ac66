// Declares its own iTime from the page's time: rings that breathe.
precision mediump float;
uniform float time;
uniform vec2 resolution;
float iTime = time * 0.5;
void main() {
    vec2 p = (gl_FragCoord.xy - 0.5 * resolution) / resolution.y;
    float ring = 0.5 + 0.5 * cos(30.0 * length(p) - 4.0 * iTime);
    gl_FragColor = vec4(ring * 0.2 + 0.1, ring, ring * 0.6 + 0.3, 1.0);
}
