#ifdef GL_ES
precision mediump float;
#endif

uniform float time;
uniform vec2 mouse;
uniform vec2 resolution;

void main( void ) {
	vec2 position = gl_FragCoord.xy / resolution.xy;
	float color = 0.5 + 0.5 * sin(position.y * 10.0 + time);
	gl_FragColor = vec4( position.x, position.y, color, 1.0 );
}
