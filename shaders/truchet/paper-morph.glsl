// name: paper-morph
// family: truchet
// tags: truchet, cut-paper, morph, two-colour, relief
// licence: MIT
// author: shaderbank contributors
// description: Two-colour Truchet in layered cut paper whose tile curves bend from quarter circles through straight chords to pinched arcs, casting soft drop shadows.

uint mixBits(uint x)
{
    x ^= x >> 16;
    x *= 0x7feb352dU;
    x ^= x >> 15;
    x *= 0x846ca68bU;
    x ^= x >> 16;
    return x;
}

float cellHash(vec2 c)
{
    ivec2 i = ivec2(c);
    uint h = mixBits(uint(i.x) * 0x3c6ef372U ^ mixBits(uint(i.y) + 0x5bd1e995U));
    return float(h) * (1.0 / 4294967296.0);
}

// signed distance to the curve joining (0.5, 0) and (0, 0.5) with sagitta h (positive: bulging away
// from the corner), negative on the corner's side
float cornerCurve(vec2 g, float h)
{
    vec2 n = vec2(0.70710678);
    vec2 mid = vec2(0.25);
    float a = 0.35355339;
    if (abs(h) < 0.004) return dot(g - mid, n);
    float R = (a * a + h * h) / (2.0 * abs(h));
    vec2 c = mid - n * (R - abs(h)) * sign(h);
    float sd = length(g - c) - R;
    return h > 0.0 ? sd : -sd;
}

float region(vec2 f, float flip, float h)
{
    vec2 g = flip > 0.5 ? vec2(1.0 - f.x, f.y) : f;
    float c0 = cornerCurve(g, h);
    float c1 = cornerCurve(1.0 - g, h);
    return min(c0, c1);
}

void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = (2.0 * fragCoord - iResolution.xy) / iResolution.y;
    vec2 m = iMouse.xy / max(iResolution.xy, vec2(1.0));
    float t = iTime;
    float scale = 3.4;
    float px = scale * 2.0 / iResolution.y;
    vec2 p = uv * scale + vec2(t * 0.15, -t * 0.1) + m * 6.0;
    float h = 0.146 * cos(t * 0.6);

    vec2 cell = floor(p);
    vec2 f = p - cell;
    float flip = step(0.5, cellHash(cell));
    float s = region(f, flip, h);
    float parity = mod(cell.x + cell.y + flip, 2.0);
    float inCorner = step(s, 0.0);
    float top = mod(parity + inCorner, 2.0);

    // the same field a little up-left, for the drop shadow of the raised colour
    vec2 ps = p + vec2(0.06, -0.06);
    vec2 cs = floor(ps);
    vec2 fs = ps - cs;
    float flipS = step(0.5, cellHash(cs));
    float sS = region(fs, flipS, h);
    float topS = mod(mod(cs.x + cs.y + flipS, 2.0) + step(sS, 0.0), 2.0);

    float hue = 0.05 * t + m.y;
    vec3 paperA = 0.6 + 0.35 * cos(6.2831853 * (hue + vec3(0.0, 0.33, 0.67)));
    vec3 paperB = 0.35 + 0.3 * cos(6.2831853 * (hue + 0.4 + vec3(0.0, 0.33, 0.67)));
    vec3 col = paperB * (1.0 - 0.35 * topS * (1.0 - top));
    col = mix(col, paperA, top);
    float edge = abs(s);
    col *= 0.85 + 0.15 * smoothstep(0.0, 0.05 + px, edge);
    fragColor = vec4(clamp(col, 0.0, 1.0), 1.0);
}
