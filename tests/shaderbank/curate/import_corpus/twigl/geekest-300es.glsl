vec2 p=FC.xy/r;o=vec4(p,.5+.5*snoise2D(p*4.+t),1);
