#define M(x) step(.9,fract(x))
void main(){vec2 p=gl_FragCoord.xy/r.y*8.;float g=max(M(p.x+t*.3),M(p.y));o=vec4(.1+g*.8,.2+g*.5,.35,1);}
