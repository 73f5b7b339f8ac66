// name: wedge-triangles
// family: truchet
// tags: truchet, triangles, original-truchet, half-square, rotation
// licence: MIT
// author: shaderbank contributors
// description: Truchet's original half-square tiles, each square split on a diagonal into two colours, turning in waves from one orderly arrangement to the next.

float hash12(vec2 c)
{
    vec3 q = fract(vec3(c.xyx) * vec3(0.1031, 0.1030, 0.0973));
    q += dot(q, q.yzx + 33.33);
    return fract((q.x + q.y) * q.z);
}

float rule(vec2 c, float k)
{
    if (k < 0.5) return mod(c.x + 2.0 * c.y, 4.0);
    if (k < 1.5) return mod(c.x, 2.0) + 2.0 * mod(c.y, 2.0);
    if (k < 2.5) return mod(floor(c.x * 0.5) + floor(c.y * 0.5), 2.0) * 2.0 + mod(c.x + c.y, 2.0);
    return floor(hash12(c) * 4.0);
}

void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = (2.0 * fragCoord - iResolution.xy) / iResolution.y;
    vec2 m = iMouse.xy / max(iResolution.xy, vec2(1.0));
    float t = iTime;
    float scale = 4.0 + 0.8 * sin(t * 0.13);
    float px = scale * 2.0 / iResolution.y;
    vec2 p = uv * scale + vec2(t * 0.2, t * 0.1) + m * 5.0;
    vec2 cell = floor(p);
    vec2 f = p - cell - 0.5;

    float phase = t * 0.35;
    float k = mod(floor(phase), 4.0);
    float o0 = rule(cell, k);
    float o1 = rule(cell, mod(k + 1.0, 4.0));
    float sweep = clamp((fract(phase) * 3.0 - 0.8) - 0.05 * (cell.x + cell.y - 2.0 * t * 0.15) * 0.0 - hash12(cell + 7.0) * 0.6, 0.0, 1.0);
    float turns = mod(o1 - o0 + 4.0, 4.0);
    float ang = (o0 + turns * smoothstep(0.0, 1.0, sweep)) * 1.5707963;
    vec2 q = mat2(cos(ang), -sin(ang), sin(ang), cos(ang)) * f;

    float inside = max(abs(q.x), abs(q.y));
    float hue = 0.05 * t + m.y + 0.04 * (cell.x - cell.y);
    vec3 dark = 0.25 + 0.2 * cos(6.2831853 * (hue + 0.55 + vec3(0.0, 0.33, 0.67)));
    vec3 light = 0.65 + 0.35 * cos(6.2831853 * (hue + vec3(0.0, 0.33, 0.67)));
    float split = q.x + q.y;
    vec3 col = mix(dark, light, smoothstep(-px, px, split));
    col *= 0.9 + 0.15 * (q.y - q.x);
    vec3 grout = vec3(0.95, 0.93, 0.88);
    col = mix(col, grout, smoothstep(0.47 - px, 0.47 + px, inside));
    fragColor = vec4(clamp(col, 0.0, 1.0), 1.0);
}
