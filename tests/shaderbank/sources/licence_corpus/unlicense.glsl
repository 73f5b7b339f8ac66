// This is free and unencumbered software released into the public domain.
// For more information, please refer to <https://unlicense.org>
void mainImage(out vec4 c, in vec2 f) { c = vec4(f / iResolution.xy, 0.5, 1.0); }
