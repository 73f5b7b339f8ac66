precision highp float;
uniform float time;
uniform vec2 resolution;
void main(void){
	vec2 uv = (gl_FragCoord.xy * 2.0 - resolution) / min(resolution.x, resolution.y);
	vec2 z = uv;
	float k = 0.0;
	for (int i = 0; i < 32; i++) {
		z = vec2(z.x * z.x - z.y * z.y, 2.0 * z.x * z.y) + vec2(-0.8 + 0.1 * sin(time), 0.156);
		if (dot(z, z) > 4.0) break;
		k += 1.0;
	}
	gl_FragColor = vec4(vec3(k / 32.0) * vec3(1.0, 0.6, 0.3), 1.0);
}
