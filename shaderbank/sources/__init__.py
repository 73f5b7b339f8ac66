"""Where programs come from: `dialects` turns sources written for other sites
(Shadertoy, glslsandbox, The Book of Shaders, TwiGL) into canonical programs, and
`synth` writes new programs from a seeded grammar."""
