precision highp float;
uniform vec2 resolution;
uniform vec2 mouse;
uniform float time;
uniform sampler2D backbuffer;
void main(){vec2 uv=gl_FragCoord.xy/resolution;gl_FragColor=vec4(uv,0.5+0.5*sin(time+mouse.x),1);}
