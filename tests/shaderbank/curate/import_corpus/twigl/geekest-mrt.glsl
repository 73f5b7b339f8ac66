vec2 p=FC.xy/r;o0=vec4(p,hsv(t*.1,.5,1.).b,1);o1=o0;
