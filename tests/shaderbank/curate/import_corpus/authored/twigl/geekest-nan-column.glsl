vec2 p=FC.xy/r;float k=floor(FC.x)-floor(r.x*.5);float v=fract(p.y*4.+t*.2)*k/k;o=vec4(v,.5,1.-v*.5,1);
