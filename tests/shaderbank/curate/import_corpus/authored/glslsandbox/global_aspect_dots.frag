// Dots made round by an aspect ratio that is a global initialiser.
precision mediump float;
uniform float time;
uniform vec2 resolution;
float aspect = resolution.x / resolution.y;
void main() {
    vec2 uv = gl_FragCoord.xy / resolution;
    uv.x *= aspect;
    vec2 f = fract(uv * 7.0) - 0.5;
    float dot_ = smoothstep(0.3, 0.25, length(f));
    gl_FragColor = vec4(dot_ * vec3(0.2, 0.8, 0.6) + (1.0 - dot_) * vec3(0.3, 0.1, 0.3), 1.0);
}
