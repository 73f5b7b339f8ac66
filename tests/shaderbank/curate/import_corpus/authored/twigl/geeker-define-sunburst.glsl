#define PI2 6.2832
void main(){vec2 p=(gl_FragCoord.xy-.5*r)/r.y;float s=step(.5,fract(atan(p.y,p.x)/PI2*12.+t*.1));o=vec4(.95,.6+.3*s,.2+.3*s,1);}
