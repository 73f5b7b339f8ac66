vec2 p=FC.xy/r;float unused=t*2.;o=vec4(p,.5+.5*sin(t+p.x*5.),1);
