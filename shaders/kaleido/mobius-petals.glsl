// name: mobius-petals
// family: kaleido
// tags: kaleidoscope, mobius, conformal, petals, polar-fold
// licence: MIT
// author: shaderbank contributors
// description: A seven-petal mirror flower seen through a moving Mobius transformation, so the petals bunch around one pole and spread around another.

vec2 cmul(vec2 a, vec2 b)
{
    return vec2(a.x * b.x - a.y * b.y, a.x * b.y + a.y * b.x);
}

vec2 cdiv(vec2 a, vec2 b)
{
    float d = max(dot(b, b), 1e-8);
    return vec2(a.x * b.x + a.y * b.y, a.y * b.x - a.x * b.y) / d;
}

void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = (fragCoord - 0.5 * iResolution.xy) / iResolution.y;
    vec2 m = iMouse.xy / max(iResolution.xy, vec2(1.0));
    float t = iTime;
    vec2 z = uv * 2.0;
    // w = (z - p0) / (z - p1): poles wander, the flower sits between them
    vec2 p0 = vec2(0.6 * sin(t * 0.3), 0.4 * cos(t * 0.23)) + (m - 0.5) * 0.4;
    vec2 p1 = vec2(-0.9 + 0.3 * cos(t * 0.19), 0.8 * sin(t * 0.27));
    vec2 w = cdiv(z - p0, z - p1);
    float r = length(w);
    float lr = log(max(r, 1e-5));
    float n = 7.0;
    float seg = 6.2831853 / n;
    float a = atan(w.y, w.x) + 0.2 * t;
    float fa = abs(mod(a, seg) - 0.5 * seg) / (0.5 * seg);
    float rings = lr * 1.5 - 0.5 * t;
    float ring = floor(rings);
    float fr = fract(rings);
    float petal = fa - sin(fr * 3.1415927) * 0.85;
    vec3 c0 = 0.55 + 0.45 * cos(6.2831853 * (ring * 0.21 + vec3(0.0, 0.3, 0.6)));
    vec3 c1 = 0.55 + 0.45 * cos(6.2831853 * (ring * 0.21 + 0.5 + vec3(0.0, 0.3, 0.6)));
    vec3 col = mix(c1 * 0.6, c0, smoothstep(0.05, -0.05, petal));
    col = mix(col, vec3(1.0, 0.95, 0.8), smoothstep(0.08, 0.0, abs(petal)) * 0.5);
    col *= 0.75 + 0.25 * fa;
    fragColor = vec4(clamp(col, 0.0, 1.0), 1.0);
}
