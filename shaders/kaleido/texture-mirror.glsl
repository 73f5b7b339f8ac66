// name: texture-mirror
// family: kaleido
// tags: kaleidoscope, texture, polar-mirror, ripple, channel
// licence: MIT
// author: shaderbank contributors
// description: Twelve-fold polar mirror of the colour-noise channel texture, scrolled and rippled, with sector seams lit like glass edges.

void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = (fragCoord - 0.5 * iResolution.xy) / iResolution.y;
    vec2 m = iMouse.xy / max(iResolution.xy, vec2(1.0));
    float t = iTime;
    float r = length(uv);
    float a = atan(uv.y, uv.x) - 0.15 * t;
    float n = 12.0;
    float seg = 6.2831853 / n;
    float fa = abs(mod(a, seg) - 0.5 * seg);
    float rr = r * (1.0 + 0.08 * sin(r * 18.0 - t * 2.0));
    vec2 q = rr * vec2(cos(fa), sin(fa));
    vec2 tc = q * 1.3 + vec2(0.05 * t, 0.031 * t) + m;
    vec3 tex = textureLod(iChannel0, tc, 0.0).rgb;
    vec3 tex2 = textureLod(iChannel3, tc * 0.5 + 0.3, 0.0).rgb;
    vec3 col = mix(tex, tex2, 0.35 + 0.25 * sin(t * 0.4));
    float g = dot(col, vec3(0.333));
    col = clamp(g + 1.6 * (col - g), 0.0, 1.0);
    col = col * col * (3.0 - 2.0 * col);
    float seam = smoothstep(0.03, 0.0, fa * r);
    col = mix(col, vec3(1.0, 0.97, 0.9), seam * 0.5);
    col *= 0.8 + 0.2 * cos(r * 6.0 - t);
    fragColor = vec4(clamp(col, 0.0, 1.0), 1.0);
}
