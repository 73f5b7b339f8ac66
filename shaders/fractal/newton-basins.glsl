// name: newton-basins
// family: fractal
// tags: fractal, newton, basins, roots, convergence
// licence: MIT
// author: shaderbank contributors
// description: Newton's method on a cubic whose three roots wander, each pixel coloured by the root it reaches and shaded by how many steps it took.

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
    float spin = 0.15 * t;
    vec2 r1 = vec2(cos(spin), sin(spin));
    vec2 r2 = vec2(cos(spin + 2.0944 + 0.35 * sin(t * 0.5)), sin(spin + 2.0944 + 0.35 * sin(t * 0.5)));
    vec2 r3 = vec2(cos(spin + 4.1888), sin(spin + 4.1888)) * (0.85 + 0.3 * m.x + 0.15 * sin(t * 0.37));
    // complex relaxation factor: a = 1 gives plain Newton, other values twist the basins into spirals
    vec2 relax = vec2(1.0 + 0.35 * sin(t * 0.41), 0.45 * sin(t * 0.29 + 1.0));
    vec2 z = uv * (3.0 + 0.6 * m.y);
    float n = 0.0;
    for (int i = 0; i < 40; i++)
    {
        vec2 a = z - r1;
        vec2 b = z - r2;
        vec2 c = z - r3;
        vec2 f = cmul(cmul(a, b), c);
        vec2 df = cmul(a, b) + cmul(a, c) + cmul(b, c);
        vec2 dz = cdiv(f, df);
        // relaxed step gives richer basin boundaries
        z -= cmul(relax, dz);
        if (dot(dz, dz) < 1e-5) break;
        n += 1.0;
    }
    float d1 = length(z - r1);
    float d2 = length(z - r2);
    float d3 = length(z - r3);
    vec3 col = vec3(0.95, 0.35, 0.3);
    if (d2 < d1 && d2 < d3) col = vec3(0.25, 0.75, 0.45);
    else if (d3 < d1) col = vec3(0.3, 0.45, 0.95);
    float shade = exp(-n * 0.06);
    col = col * (0.35 + 0.75 * shade) + 0.2 * (1.0 - shade) * vec3(1.0, 0.9, 0.6);
    col *= 0.85 + 0.15 * cos(n * 1.3);
    fragColor = vec4(clamp(col, 0.0, 1.0), 1.0);
}
