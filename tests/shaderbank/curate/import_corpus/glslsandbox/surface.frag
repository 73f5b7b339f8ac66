#ifdef GL_ES
precision mediump float;
#endif
uniform float time;
uniform vec2 mouse;
uniform vec2 resolution;
uniform vec2 surfaceSize;
varying vec2 surfacePosition;

void main(void) {
	vec2 p = surfacePosition / surfaceSize + 0.5;
	gl_FragColor = vec4(p.x, p.y, 0.5 + 0.5 * sin(time), 1.0);
}
