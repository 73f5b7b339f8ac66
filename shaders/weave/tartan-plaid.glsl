// name: tartan-plaid
// family: weave
// tags: weave, tartan, plaid, twill, textile
// licence: MIT
// author: shaderbank contributors
// description: Mirrored tartan sett woven in a 2/2 twill, warp and weft threads crossing into blended checks, the palette cycling through several clan-like colourways.

vec3 threadColour(float s, vec3 c0, vec3 c1, vec3 c2, vec3 c3)
{
    // s in [0, 1): one half of the symmetric sett
    if (s < 0.28) return c0;
    if (s < 0.34) return c3;
    if (s < 0.55) return c1;
    if (s < 0.6) return c2;
    if (s < 0.86) return c0;
    if (s < 0.92) return c3;
    return c2;
}

void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = (2.0 * fragCoord - iResolution.xy) / iResolution.y;
    vec2 m = iMouse.xy / max(iResolution.xy, vec2(1.0));
    float t = iTime;
    float threads = 36.0;
    float rot = 0.05 * sin(t * 0.3);
    vec2 p = mat2(cos(rot), -sin(rot), sin(rot), cos(rot)) * uv * threads * 0.5 + vec2(t * 2.5, t * 1.4) + m * 20.0;
    vec2 thread = floor(p);
    vec2 tf = p - thread;

    float sett = 16.0 + 4.0 * sin(t * 0.15);
    vec2 s = abs(mod(thread + 0.5, 2.0 * sett) - sett) / sett;

    float w = t * 0.12 + m.y;
    vec3 c0 = 0.45 + 0.4 * cos(6.2831853 * (w + vec3(0.0, 0.33, 0.67)));
    vec3 c1 = 0.35 + 0.35 * cos(6.2831853 * (w + 0.4 + vec3(0.0, 0.33, 0.67)));
    vec3 c2 = vec3(0.95, 0.9, 0.75);
    vec3 c3 = 0.3 + 0.3 * cos(6.2831853 * (w + 0.75 + vec3(0.0, 0.33, 0.67)));
    vec3 warp = threadColour(s.x, c0, c1, c2, c3);
    vec3 weft = threadColour(s.y, c0, c1, c2, c3);

    float twill = mod(thread.x + thread.y, 4.0);
    bool warpUp = twill < 2.0;
    float profWarp = sin(3.14159265 * tf.x);
    float profWeft = sin(3.14159265 * tf.y);
    vec3 col = warpUp ? warp * (0.55 + 0.45 * profWarp) : weft * (0.55 + 0.45 * profWeft);
    float fibre = sin((warpUp ? tf.y : tf.x) * 18.0 + (warpUp ? tf.x : tf.y) * 5.0);
    col *= 0.93 + 0.07 * fibre;
    col = mix(col, 0.5 * (warp + weft), 0.25);
    fragColor = vec4(clamp(col * 1.1, 0.0, 1.0), 1.0);
}
