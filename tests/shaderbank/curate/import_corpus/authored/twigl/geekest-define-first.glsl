#define R r
#define SPEED 2.
vec2 p=FC.xy/R;o=vec4(p,.5+.5*sin(t*SPEED+p.x*4.),1);
