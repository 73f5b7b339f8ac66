precision mediump float;
uniform float time;
uniform vec2 resolution;
uniform sampler2D backbuffer;
void main(void) {
	vec2 uv = gl_FragCoord.xy / resolution;
	vec2 c = vec2(0.5) + 0.3 * vec2(cos(time * 3.0), sin(time * 3.0));
	float d = smoothstep(0.08, 0.06, length(uv - c));
	vec4 prev = texture2D(backbuffer, uv);
	gl_FragColor = vec4(max(prev.rgb * 0.96, vec3(d)), 1.0);
}
