#ifdef GL_ES
precision highp float;
#endif
uniform vec2 resolution, mouse;
uniform float time;
void main() {
	vec2 uv = gl_FragCoord.xy / resolution;
	float d = distance(uv, mouse);
	gl_FragColor = vec4(uv.x, uv.y, smoothstep(0.4, 0.0, d) * (0.8 + 0.2 * sin(time)), 1.0);
}
