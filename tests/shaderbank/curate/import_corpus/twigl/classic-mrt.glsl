precision highp float;
uniform vec2 resolution;
uniform vec2 mouse;
uniform float time;
uniform sampler2D backbuffer0;
uniform sampler2D backbuffer1;
layout (location = 0) out vec4 outColor0;
layout (location = 1) out vec4 outColor1;
void main(){vec2 uv=gl_FragCoord.xy/resolution;outColor0=vec4(uv,fract(time*0.3),1);outColor1=outColor0;}
