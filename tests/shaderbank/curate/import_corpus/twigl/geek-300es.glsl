precision highp float;
uniform vec2 r;
uniform vec2 m;
uniform float t;
uniform sampler2D b;
out vec4 o;
void main(){vec2 p=gl_FragCoord.xy/r;o=vec4(p,0.5+0.5*sin(t+p.x*3.),1);}
