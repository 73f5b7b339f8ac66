// name: twisted-lattice
// family: moire
// tags: moire, hexagonal, lattice, twist, superlattice
// licence: MIT
// author: shaderbank contributors
// description: Two triangular dot lattices stacked with a slowly changing twist angle, the mismatch swelling into a hexagonal moire superlattice in orange and blue.

float lattice(vec2 p, float ang, float k)
{
    float s = 0.0;
    for (int i = 0; i < 3; i++)
    {
        float a = ang + 2.0943951 * float(i);
        s += cos(dot(p, vec2(cos(a), sin(a))) * k);
    }
    return clamp((s + 1.5) / 4.5, 0.0, 1.0);
}

void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = (2.0 * fragCoord - iResolution.xy) / iResolution.y;
    vec2 m = iMouse.xy / max(iResolution.xy, vec2(1.0));
    float t = iTime;
    float k = 42.0;
    float base = 0.1 * t + m.x;
    float twist = 0.12 + 0.14 * (0.5 + 0.5 * sin(t * 0.35));
    vec2 shift = 0.05 * vec2(sin(t * 0.5), cos(t * 0.4));
    float a = lattice(uv, base, k);
    float b = lattice(uv + shift, base + twist, k);
    vec3 orange = vec3(1.0, 0.45, 0.1);
    vec3 blue = vec3(0.1, 0.4, 1.0);
    vec3 col = vec3(0.1, 0.05, 0.2);
    col += orange * a * 0.7;
    col += blue * b * 0.7;
    col += vec3(0.6, 1.0, 0.5) * pow(a * b, 3.0) * 0.8;
    // the superlattice envelope: the difference frequencies of the two lattices
    float env = 0.0;
    for (int i = 0; i < 3; i++)
    {
        float a1 = base + 2.0943951 * float(i);
        float a2 = a1 + twist;
        vec2 kd = k * (vec2(cos(a1), sin(a1)) - vec2(cos(a2), sin(a2)));
        env += cos(dot(uv, kd) - dot(shift, k * vec2(cos(a2), sin(a2))));
    }
    env = clamp((env + 1.5) / 4.5, 0.0, 1.0);
    vec3 tint = 0.55 + 0.45 * cos(6.2831853 * (env * 0.7 + 0.06 * t + vec3(0.0, 0.33, 0.67)));
    col = mix(col, col * tint * 1.6, 0.6);
    fragColor = vec4(clamp(col, 0.0, 1.0), 1.0);
}
