// Declares its own iTime and iMouse from the sandbox's uniforms.
precision mediump float;
uniform float time;
uniform vec2 resolution;
uniform vec2 mouse;
float iTime = time * 0.5;
vec4 iMouse = vec4(mouse * resolution, 0.0, 0.0);
void main() {
    vec2 uv = gl_FragCoord.xy / resolution.xy;
    float glow = 0.1 / (0.1 + length(gl_FragCoord.xy - iMouse.xy) / resolution.y);
    gl_FragColor = vec4(uv.x, uv.y, glow * (0.5 + 0.5 * cos(iTime)), 1.0);
}
