void main(){vec2 p=gl_FragCoord.xy/r;o0=vec4(p,fract(t*.7),1);o1=o0;}
