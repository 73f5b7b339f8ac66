// The program calls the sandbox's names by Shadertoy's: the wrapper's code after it
// must not see these macros.
#ifdef GL_ES
precision mediump float;
#endif
uniform float time;
uniform vec2 resolution;
#define iTime time
#define iResolution resolution
void main() {
    vec2 uv = gl_FragCoord.xy / iResolution.xy;
    float bands = step(0.5, fract(uv.x * 6.0 + uv.y * 2.0 + iTime));
    gl_FragColor = vec4(bands, 0.3, 0.5 + 0.5 * sin(iTime + uv.y * 3.0), 1.0);
}
