// CC BY-SA (full text: CC BY-SA 3.0)
void mainImage(out vec4 c, in vec2 f) { c = vec4(f / iResolution.xy, 0.5, 1.0); }
