// name: tumbling-blocks
// family: tilings
// tags: tiling, rhombille, isometric, cubes, illusion
// licence: MIT
// author: shaderbank contributors
// description: Rhombille tiling of hexagons split into three rhombs and shaded as isometric cubes that pop inside-out, each cube in its own drifting hue.

uint mixBits(uint x)
{
    x ^= x >> 16;
    x *= 0x7feb352dU;
    x ^= x >> 15;
    x *= 0x846ca68bU;
    x ^= x >> 16;
    return x;
}

float hashCell(vec2 c, float salt)
{
    ivec2 i = ivec2(floor(c + 0.5));
    uint h = mixBits(uint(i.x) * 0x9e3779b1U + mixBits(uint(i.y) + uint(int(salt)) * 0x85ebca6bU));
    return float(h) * (1.0 / 4294967296.0);
}

// local offset (xy) and centre (zw) of the pointy-top hexagon around p, neighbour spacing 1
vec4 hexCell(vec2 p)
{
    vec2 s = vec2(1.0, 1.7320508);
    vec2 a = mod(p, s) - 0.5 * s;
    vec2 b = mod(p - 0.5 * s, s) - 0.5 * s;
    vec2 l = dot(a, a) < dot(b, b) ? a : b;
    return vec4(l, p - l);
}

void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = (2.0 * fragCoord - iResolution.xy) / iResolution.y;
    vec2 m = iMouse.xy / max(iResolution.xy, vec2(1.0));
    float t = iTime;
    float scale = 3.2 + 0.8 * sin(t * 0.21);
    float px = scale * 2.0 / iResolution.y;
    vec2 p = uv * scale + vec2(t * 0.35, t * 0.2) + m * 5.0;
    vec4 h = hexCell(p);
    vec2 l = h.xy;
    vec2 id = h.zw * vec2(2.0, 1.1547005);

    float flipPhase = hashCell(id, 7.0);
    float flip = step(0.62, hashCell(id, floor(t * 0.7 + flipPhase * 4.0) + 13.0));
    float a = atan(l.y, l.x);
    if (flip > 0.5) a = -a;
    float sector = mod(floor((a - 0.5235988) / 2.0943951), 3.0);

    float hue = hashCell(id, 3.0) * 0.35 + 0.06 * t + 0.07 * (id.x + id.y) * 0.25 + m.y;
    vec3 base = 0.55 + 0.45 * cos(6.2831853 * (hue + vec3(0.0, 0.33, 0.67)));
    float shade = sector < 0.5 ? 1.1 : (sector < 1.5 ? 0.8 : 0.55);
    if (flip > 0.5) shade = sector < 0.5 ? 0.55 : (sector < 1.5 ? 0.8 : 1.1);
    vec3 col = base * shade + 0.1;

    // rhomb edges: three spokes from the centre and the hexagon outline
    float edge = 1e9;
    for (int k = 0; k < 3; k++)
    {
        float ang = 1.5707963 + 2.0943951 * float(k);
        if (flip > 0.5) ang = -ang;
        vec2 dir = vec2(cos(ang), sin(ang));
        float along = clamp(dot(l, dir), 0.0, 0.5773503);
        edge = min(edge, length(l - dir * along));
    }
    float hexD = 0.5 - max(abs(l.x), max(abs(dot(l, vec2(0.5, 0.8660254))), abs(dot(l, vec2(-0.5, 0.8660254)))));
    edge = min(edge, hexD);
    // faint parallel grooves on each face
    float groove = 0.5 + 0.5 * cos(length(l) * 40.0 - t * 2.0);
    col *= 0.95 + 0.05 * groove;
    float lw = 0.008;
    col = mix(col, vec3(0.06, 0.05, 0.1), 1.0 - smoothstep(lw, lw + px, edge));
    fragColor = vec4(clamp(col, 0.0, 1.0), 1.0);
}
