// Licensed under the Apache License, Version 2.0 (the "License").
void mainImage(out vec4 c, in vec2 f) { c = vec4(f / iResolution.xy, 0.5, 1.0); }
