#define H(p) fract(sin(dot(p,vec2(13.1,71.7)))*4375.)
vec2 p=floor(FC.xy/r.y*7.);o=vec4(H(p),H(p+1.),.5+.5*sin(t+H(p+2.)*6.),1);
