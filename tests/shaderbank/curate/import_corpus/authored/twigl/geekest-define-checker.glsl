#define F floor
vec2 p=FC.xy/r.y*6.;float k=mod(F(p.x)+F(p.y+t),2.);o=vec4(k,.4,1.-k*.8,1);
