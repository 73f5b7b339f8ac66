// Short macros that the wrapper's own code once used as names.
precision mediump float;
uniform float time;
uniform vec2 resolution;
#define w 1.0
#define tile 3.0
#define color vec3(0.2, 0.5, 0.9)
void main() {
    vec2 uv = gl_FragCoord.xy / resolution.xy;
    vec2 cell = fract(uv * tile);
    gl_FragColor = vec4(uv.x * w, uv.y, cell.x * color.z, w);
}
