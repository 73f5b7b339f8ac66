#define W(x) sin(x*10.+t)
vec2 p=FC.xy/r;o=vec4(.5+.5*W(p.x),.5+.5*W(p.y+p.x),p.y,1);
