precision highp float;
uniform vec2 r;
uniform vec2 m;
uniform float t;
uniform sampler2D b;
void main(){vec2 p=gl_FragCoord.xy/r;gl_FragColor=vec4(p,0.5+0.5*sin(t*2.),1);}
