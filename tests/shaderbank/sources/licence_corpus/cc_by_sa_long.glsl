// Creative Commons Attribution-ShareAlike 4.0 International License
void mainImage(out vec4 c, in vec2 f) { c = vec4(f / iResolution.xy, 0.5, 1.0); }
