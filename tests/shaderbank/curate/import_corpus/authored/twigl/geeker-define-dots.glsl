#define G(p) fract(p)-.5
void main(){vec2 p=G(gl_FragCoord.xy/r.y*5.);float d=step(length(p),.3);o=vec4(d*.9,.3,1.-d*.7,1);}
