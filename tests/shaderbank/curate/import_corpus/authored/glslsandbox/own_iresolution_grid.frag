// Its own iResolution, set from the page's resolution: a grid of crosses.
precision mediump float;
uniform float time;
uniform vec2 resolution;
vec2 iResolution = resolution;
void main() {
    vec2 g = fract(gl_FragCoord.xy / iResolution.y * 6.0) - 0.5;
    float cross = max(step(abs(g.x), 0.06), step(abs(g.y), 0.06));
    gl_FragColor = vec4(mix(vec3(0.15, 0.2, 0.3), vec3(0.9, 0.9, 0.5), cross), 1.0);
}
