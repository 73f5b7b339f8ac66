void mainImage(out vec4 O,vec2 U){vec2 r=iResolution.xy;U/=r;O=vec4(U,.5+.5*sin(iTime*3.+U.y*9.),1);}
