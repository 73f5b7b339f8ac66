#define L length
vec2 p=(FC.xy-.5*r)/r.y;float d=L(p);o=vec4(.5+.5*sin(d*40.-t*2.),d,.6,1);
