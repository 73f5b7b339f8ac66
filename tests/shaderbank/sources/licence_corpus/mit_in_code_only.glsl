// A gradient.
void mainImage(out vec4 c, in vec2 f) { float MIT = 0.5; c = vec4(f / iResolution.xy, MIT, 1.0); }
