#define K 12.
void main(){vec2 p=gl_FragCoord.xy/r;float s=step(.5,fract((p.x-p.y)*K+t*.5));gl_FragColor=vec4(s*.8+.1,p.y,.7-.5*s,1);}
