#ifdef GL_ES
precision mediump float;
#endif
uniform vec2 u_resolution;
// A still image: a circle, no time at all.
void main(){
    vec2 st = gl_FragCoord.xy/u_resolution.xy;
    float pct = step(distance(st, vec2(0.5)), 0.3);
    gl_FragColor = vec4(st.x, st.y, pct, 1.0);
}
