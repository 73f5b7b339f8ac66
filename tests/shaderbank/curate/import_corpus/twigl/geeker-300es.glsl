void main(){vec2 p=gl_FragCoord.xy/r;o=vec4(p,.5+.5*cos(t*2.5),1);}
