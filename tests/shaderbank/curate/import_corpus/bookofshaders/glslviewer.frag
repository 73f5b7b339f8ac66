#ifdef GL_ES
precision mediump float;
#endif
uniform sampler2D u_tex0;
uniform vec2 u_resolution;
uniform float u_time;
uniform float u_delta;
uniform vec4 u_date;
varying vec2 v_texcoord;
void main() {
    vec2 st = v_texcoord;
    vec4 tex = texture2D(u_tex0, st + u_time * 0.02);
    gl_FragColor = vec4(st.x, st.y, tex.b + 0.0 * u_delta + 0.0 * u_date.w, 1.0);
}
