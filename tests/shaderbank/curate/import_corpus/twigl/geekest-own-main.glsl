float f2(vec2 p){return .5+.5*sin(p.x*8.+t);}
void main(){vec2 p=FC.xy/r;o=vec4(p,f2(p),1);}
