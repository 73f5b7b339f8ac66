#define P(a,b) sin(a*8.+b)
void main(){vec2 p=gl_FragCoord.xy/r;float v=P(p.x,t)+P(p.y,t*.7)+P(p.x+p.y,0.);o=vec4(.5+.3*v,.5+.3*sin(v*2.),.6,1);}
