// name: iris-fbm
// family: fbm
// tags: noise, fbm, polar, iris, radial-streaks
// licence: MIT
// author: shaderbank contributors
// description: An eye's iris from fbm sampled on circles (radial fibres without a seam), a dilating pupil, collarette ring and limbal rim, hue picked by the mouse and time.

uint spinBits(uint v)
{
    v = (v ^ 61u) ^ (v >> 16);
    v *= 9u;
    v ^= v >> 4;
    v *= 0x27d4eb2dU;
    v ^= v >> 15;
    return v;
}

float lattice(vec2 c)
{
    ivec2 i = ivec2(c);
    return float(spinBits(uint(i.x) * 0x1b873593U + spinBits(uint(i.y) ^ 0xe6546b64U))) * (1.0 / 4294967296.0);
}

float vnoise(vec2 p)
{
    vec2 i = floor(p);
    vec2 f = p - i;
    vec2 u = f * f * (3.0 - 2.0 * f);
    return mix(mix(lattice(i), lattice(i + vec2(1.0, 0.0)), u.x),
               mix(lattice(i + vec2(0.0, 1.0)), lattice(i + vec2(1.0, 1.0)), u.x), u.y);
}

float fbm(vec2 p)
{
    float s = 0.0;
    float a = 0.5;
    for (int i = 0; i < 5; i++)
    {
        s += a * vnoise(p);
        p = p * 2.07 + vec2(3.1, 8.7);
        a *= 0.5;
    }
    return s;
}

void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = (fragCoord - 0.5 * iResolution.xy) / iResolution.y;
    vec2 m = iMouse.xy / max(iResolution.xy, vec2(1.0));
    float t = iTime;
    uv *= 1.05;
    float r = length(uv);
    vec2 dir = uv / max(r, 1e-4);
    float spin = 0.15 * t;
    dir = mat2(cos(spin), -sin(spin), sin(spin), cos(spin)) * dir;
    float pupil = 0.13 + 0.07 * sin(t * 0.8);
    float irisR = 0.52;
    // sample on a circle of radius 9: fine variation around, slow variation outwards
    float fib = fbm(dir * 9.0 + vec2(r * 2.5, -r * 1.7));
    float blot = fbm(dir * 3.0 + vec2(r * 4.0 + 0.3 * t, 0.0));
    float hue = m.x + 0.05 * t;
    vec3 c0 = 0.5 + 0.45 * cos(6.2831853 * (hue + vec3(0.0, 0.33, 0.67)));
    vec3 c1 = 0.5 + 0.45 * cos(6.2831853 * (hue + 0.35 + vec3(0.0, 0.33, 0.67)));
    float s = (r - pupil) / max(irisR - pupil, 1e-3);
    vec3 iris = mix(c1, c0, smoothstep(0.15, 0.6, s));
    iris *= 0.55 + 0.75 * fib;
    iris = mix(iris, vec3(0.95, 0.75, 0.35), smoothstep(0.55, 0.8, blot) * smoothstep(0.5, 0.2, s));
    float collar = exp(-pow((s - 0.3) * 12.0, 2.0));
    iris += 0.25 * collar * c0;
    iris *= 1.0 - 0.6 * smoothstep(0.8, 1.0, s);
    vec3 sclera = mix(vec3(0.95, 0.88, 0.85), vec3(0.85, 0.4, 0.45), 0.35 * fbm(uv * 6.0 + 40.0));
    vec3 col = mix(iris, sclera, smoothstep(irisR - 0.01, irisR + 0.01, r));
    col = mix(vec3(0.03, 0.02, 0.05), col, smoothstep(pupil - 0.01, pupil + 0.01, r));
    col += vec3(1.0) * smoothstep(0.06, 0.03, length(uv - vec2(-0.15, 0.17)));
    fragColor = vec4(clamp(col, 0.0, 1.0), 1.0);
}
