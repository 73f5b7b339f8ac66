#define S(a) (.5+.5*sin(a))
void main(){vec2 p=gl_FragCoord.xy/r;o=vec4(p.x,S(t+p.y*3.),p.y,1);}
