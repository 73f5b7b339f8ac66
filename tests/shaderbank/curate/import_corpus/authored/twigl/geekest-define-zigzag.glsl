#define Z(x) abs(fract(x)-.5)
vec2 p=FC.xy/r.y*5.;float z=step(Z(p.x)*.6,fract(p.y+t*.2)-.3);o=vec4(.9*z,.3+.4*z,.8-.6*z,1);
