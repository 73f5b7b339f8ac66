#define B(c) .04/length(p-c)
void main(){vec2 p=gl_FragCoord.xy/r;float v=B(vec2(.3,.4))+B(vec2(.7,.6+.1*sin(t)))+B(vec2(.5,.2));gl_FragColor=vec4(v*.6,v*.3,.2+v*.2,1);}
