// Copyright (c) 2015, Some One. All rights reserved.
// Redistribution and use in source and binary forms, with or without modification,
// are permitted under the BSD 3-Clause License.
void mainImage(out vec4 c, in vec2 f) { c = vec4(f / iResolution.xy, 0.5, 1.0); }
