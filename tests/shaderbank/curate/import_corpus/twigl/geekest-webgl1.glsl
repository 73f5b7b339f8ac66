vec2 p=FC.xy/r;gl_FragColor=vec4(p,.5+.5*sin(t*2.+p.y*PI),1);
