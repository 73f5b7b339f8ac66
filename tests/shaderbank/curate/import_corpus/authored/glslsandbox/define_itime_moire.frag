// Shadertoy names made from the page's uniforms by macros: a moire of rings.
precision mediump float;
uniform float time;
uniform vec2 resolution;
#define iTime time
#define iResolution resolution
void main() {
    vec2 p = (gl_FragCoord.xy - 0.5 * iResolution) / iResolution.y;
    float a = sin(60.0 * length(p - vec2(0.15, 0.0)) - iTime);
    float b = sin(60.0 * length(p + vec2(0.15, 0.0)));
    gl_FragColor = vec4(0.5 + 0.5 * a * b, 0.3, 0.5 + 0.3 * a, 1.0);
}
