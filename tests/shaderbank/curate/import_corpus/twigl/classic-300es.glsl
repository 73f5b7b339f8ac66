precision highp float;
uniform vec2 resolution;
uniform vec2 mouse;
uniform float time;
uniform sampler2D backbuffer;
out vec4 outColor;
void main(){vec2 uv=gl_FragCoord.xy/resolution;outColor=vec4(uv,0.5+0.5*cos(time*1.7),1);}
