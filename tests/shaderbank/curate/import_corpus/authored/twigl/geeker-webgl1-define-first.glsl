#define T t
void main(){vec2 p=gl_FragCoord.xy/r;float c=step(.5,fract(p.x*8.+T))*step(.5,fract(p.y*8.));gl_FragColor=vec4(c,1.-c,fract(T),1);}
