void main(){vec2 p=gl_FragCoord.xy/r;gl_FragColor=vec4(p,.5+.5*sin(t*3.+m.x),1);}
