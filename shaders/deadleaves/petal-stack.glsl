// name: petal-stack
// family: deadleaves
// tags: dead-leaves, occlusion, ellipses, petals, shading
// licence: MIT
// author: shaderbank contributors
// description: Dead leaves of rotated soft-shaded ellipses with power-law sizes in a cool blossom palette, slowly spinning and sliding.

uint mixBits(uint x)
{
    x ^= x >> 17;
    x *= 0xed5ad4bbU;
    x ^= x >> 11;
    x *= 0xac4c1b51U;
    x ^= x >> 15;
    return x;
}

vec4 rand4(vec2 cell, uint layer)
{
    ivec2 i = ivec2(cell);
    uint h = mixBits(uint(i.x) * 0x27d4eb2dU + mixBits(uint(i.y) ^ (layer * 0x165667b1U)));
    uint h2 = mixBits(h + 0x3c6ef372U);
    uint h3 = mixBits(h2 ^ 0xa54ff53aU);
    uint h4 = mixBits(h3 + 0x510e527fU);
    return vec4(float(h), float(h2), float(h3), float(h4)) * (1.0 / 4294967296.0);
}

void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = (2.0 * fragCoord - iResolution.xy) / iResolution.y;
    vec2 m = iMouse.xy / max(iResolution.xy, vec2(1.0));
    float t = iTime;
    float spin = 0.08 * t;
    uv = mat2(cos(spin), -sin(spin), sin(spin), cos(spin)) * uv;
    vec3 col = vec3(0.3, 0.3, 0.5);
    for (int l = 0; l < 36; l++)
    {
        float fl = float(l);
        float u = fract(fl * 0.414214 + 0.05);
        float cellSize = 0.14 * pow(11.0, u);
        vec2 drift = vec2(sin(fl * 1.3), cos(fl * 1.7)) * 0.09 * t;
        vec2 p = (uv + drift + m * 3.0 + vec2(fl * 0.517, -fl * 0.333)) / cellSize;
        vec2 cell = floor(p);
        vec2 f = p - cell - 0.5;
        vec4 r = rand4(cell, uint(l) + 3u);
        float ang = 6.2831853 * r.x + t * (r.y - 0.5);
        vec2 q = mat2(cos(ang), -sin(ang), sin(ang), cos(ang)) * (f - 0.12 * (r.zw - 0.5));
        float ra = 0.26 + 0.14 * r.z;
        float rb = ra * (0.35 + 0.4 * r.w);
        vec2 e = q / vec2(ra, rb);
        float d2 = dot(e, e);
        if (d2 < 1.0)
        {
            float k = fract(r.w * 5.3 + r.z * 0.5);
            vec3 base = mix(vec3(0.92, 0.25, 0.55), vec3(0.25, 0.35, 0.9), k);
            base = mix(base, vec3(0.98, 0.85, 0.3), step(0.8, fract(r.y * 9.1)) * 0.9);
            float dome = sqrt(max(1.0 - d2, 0.0));
            col = base * (0.3 + 0.8 * dome) + 0.15 * smoothstep(0.3, -0.8, e.x) * dome;
            col *= 0.8 + 0.2 * cos(e.y * 9.0);
            break;
        }
    }
    fragColor = vec4(clamp(col, 0.0, 1.0), 1.0);
}
