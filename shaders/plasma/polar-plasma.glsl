// name: polar-plasma
// family: plasma
// tags: plasma, polar, flower, radial, symmetry
// licence: MIT
// author: shaderbank contributors
// description: Plasma computed in polar coordinates, angular harmonics against radial waves, blooming into a slowly turning many-petalled flower in sunset hues.

void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = (2.0 * fragCoord - iResolution.xy) / iResolution.y;
    vec2 m = iMouse.xy / max(iResolution.xy, vec2(1.0));
    float t = iTime;
    uv -= (m - 0.5) * 0.4;
    float r = length(uv);
    float a = atan(uv.y, uv.x);
    float petals = 5.0 + floor(mod(t * 0.25, 4.0));
    float v = sin(a * petals + sin(r * 4.0 - t) * 1.5 + t * 0.3);
    v += sin(r * 7.0 - t * 1.6 + sin(a * 3.0 - t * 0.5));
    v += 0.7 * sin((uv.x + uv.y) * 3.0 + t * 0.8);
    v += 0.5 * cos(a * 2.0 - r * 5.0 + t);
    v /= 3.2;
    vec3 col = 0.5 + 0.5 * cos(6.2831853 * (v * 0.9 + vec3(0.0, 0.22, 0.45) + 0.05 * t));
    col = mix(col, vec3(1.0, 0.55, 0.3) * col.r + vec3(0.25, 0.05, 0.35), 0.3);
    col *= 0.8 + 0.3 * smoothstep(1.5, 0.0, r);
    fragColor = vec4(clamp(col, 0.0, 1.0), 1.0);
}
