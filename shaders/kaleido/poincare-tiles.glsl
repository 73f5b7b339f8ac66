// name: poincare-tiles
// family: kaleido
// tags: kaleidoscope, hyperbolic, poincare-disk, tiling, inversion
// licence: MIT
// author: shaderbank contributors
// description: A {5,4} hyperbolic tiling of the Poincare disk folded with two mirror lines and one orthogonal circle, sliding under a moving disk isometry, mirrored outside the rim.

vec2 cmul(vec2 a, vec2 b)
{
    return vec2(a.x * b.x - a.y * b.y, a.x * b.y + a.y * b.x);
}

vec2 cdiv(vec2 a, vec2 b)
{
    float d = max(dot(b, b), 1e-12);
    return vec2(a.x * b.x + a.y * b.y, a.y * b.x - a.x * b.y) / d;
}

void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = (fragCoord - 0.5 * iResolution.xy) / iResolution.y;
    vec2 m = iMouse.xy / max(iResolution.xy, vec2(1.0));
    float t = iTime;
    vec2 z = uv * 2.15;
    float r2 = dot(z, z);
    float outside = step(1.0, r2);
    // outside the rim: reflect in the unit circle so the tiling fills the canvas
    if (r2 > 1.0) z /= r2;
    // disk isometry z -> (z + w) / (1 + conj(w) z) with a wandering w
    vec2 w = 0.55 * vec2(sin(t * 0.23), sin(t * 0.31 + 1.0)) + 0.2 * (m - 0.5);
    z = cdiv(z + w, vec2(1.0, 0.0) + cmul(vec2(w.x, -w.y), z));
    float spin = 0.1 * t;
    z = mat2(cos(spin), -sin(spin), sin(spin), cos(spin)) * z;

    const float P = 5.0;
    const float Q = 4.0;
    float a = 3.1415927 / P;
    float b = 3.1415927 / Q;
    float cb = cos(b);
    float sa = sin(a);
    float cc = cb / sqrt(max(cb * cb - sa * sa, 1e-6));
    float rr = sqrt(max(cc * cc - 1.0, 0.0));
    vec2 centre = vec2(cc, 0.0);
    float flips = 0.0;
    for (int i = 0; i < 24; i++)
    {
        // wedge fold into angle [0, pi/P]
        float ang = atan(z.y, z.x);
        float seg = 2.0 * a;
        float k = floor(ang / seg);
        ang -= k * seg;
        flips += abs(k);
        if (ang > a) { ang = seg - ang; flips += 1.0; }
        z = length(z) * vec2(cos(ang), sin(ang));
        vec2 d = z - centre;
        float dd = dot(d, d);
        if (dd >= rr * rr) break;
        z = centre + d * (rr * rr / dd);
        flips += 1.0;
    }
    float edge = abs(length(z - centre) - rr);
    float spoke = z.y;
    vec3 c0 = 0.55 + 0.45 * cos(6.2831853 * (0.07 * flips + vec3(0.0, 0.33, 0.67) + 0.03 * t));
    vec3 col = c0 * (0.75 + 0.25 * mod(flips, 2.0));
    col = mix(col, vec3(0.98, 0.95, 0.85), smoothstep(0.03, 0.0, edge) * 0.8);
    col = mix(col, col * 0.6, smoothstep(0.02, 0.0, spoke));
    col = mix(col, col.gbr, outside * 0.5);
    fragColor = vec4(clamp(col, 0.0, 1.0), 1.0);
}
