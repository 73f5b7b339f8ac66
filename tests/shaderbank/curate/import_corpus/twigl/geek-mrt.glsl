precision highp float;
uniform vec2 r;
uniform vec2 m;
uniform float t;
uniform sampler2D b0;
uniform sampler2D b1;
layout (location = 0) out vec4 o0;
layout (location = 1) out vec4 o1;
void main(){vec2 p=gl_FragCoord.xy/r;o0=vec4(p,fract(t*.4),1);o1=o0;}
