#define A atan
vec2 p=(FC.xy-.5*r)/r.y;float s=sin(A(p.y,p.x)*5.+length(p)*20.-t);o=vec4(.5+.5*s,.2,.5-.4*s,1);
