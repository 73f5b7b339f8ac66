/* Copyright 2020 Some One
   Permission is hereby granted, free of charge, to any person obtaining a copy
   of this software and associated documentation files. */
void mainImage(out vec4 c, in vec2 f) { c = vec4(f / iResolution.xy, 0.5, 1.0); }
