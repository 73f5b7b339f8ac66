precision highp float;
uniform vec2 resolution;
uniform vec2 mouse;
uniform float time;
uniform sampler2D backbuffer;
void main(){vec2 uv=gl_FragCoord.xy/resolution;vec2 c=vec2(.5)+.3*vec2(cos(time*3.),sin(time*3.));float d=smoothstep(.08,.06,length(uv-c));vec4 prev=texture2D(backbuffer,uv);gl_FragColor=vec4(max(prev.rgb*.96,vec3(d)),1);}
