// name: brush-strokes
// family: flow
// tags: flow, vector-field, brush-strokes, painterly, hatching
// licence: MIT
// author: shaderbank contributors
// description: Painterly short strokes laid along a swirling analytic vector field, one jittered stroke per cell over three offset layers, coloured by local flow direction and speed.

uint spinBits(uint v)
{
    v ^= v >> 16;
    v *= 0x7feb352dU;
    v ^= v >> 15;
    v *= 0x846ca68bU;
    v ^= v >> 16;
    return v;
}

vec3 cellRand(vec2 c, uint k)
{
    ivec2 i = ivec2(c);
    uint h = spinBits(uint(i.x) * 0x9e3779b1U ^ spinBits(uint(i.y) + k * 0x85ebca6bU));
    return vec3(float(h), float(h * 0x2c1b3c6dU), float(h * 0x297a2d39U)) * (1.0 / 4294967296.0);
}

vec2 field(vec2 p, float t)
{
    vec2 v = vec2(sin(p.y * 1.7 + t * 0.5) + 0.5 * cos(p.x * 2.3 - t * 0.3),
                  cos(p.x * 1.4 - t * 0.4) + 0.5 * sin(p.y * 2.1 + p.x * 0.7 + t * 0.6));
    vec2 c = 1.2 * vec2(sin(t * 0.21), cos(t * 0.17));
    vec2 d = p - c;
    v += 2.5 * vec2(-d.y, d.x) * exp(-dot(d, d) * 1.2);
    return v;
}

void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = (fragCoord - 0.5 * iResolution.xy) / iResolution.y;
    vec2 m = iMouse.xy / max(iResolution.xy, vec2(1.0));
    float t = iTime;
    vec2 w = uv * 3.0 + (m - 0.5) * 2.0;
    vec2 v0 = field(w, t);
    float a0 = atan(v0.y, v0.x);
    vec3 col = 0.45 + 0.3 * cos(a0 + vec3(0.0, 2.1, 4.2) + 0.2 * t);
    float cells = 7.0;
    for (int l = 0; l < 3; l++)
    {
        vec2 off = vec2(0.37, 0.71) * float(l);
        vec2 p = uv * cells + off;
        vec2 c = floor(p);
        vec3 r = cellRand(c, uint(l) + 1u);
        vec2 ctr = c + 0.5 + 0.5 * (r.xy - 0.5);
        vec2 wc = (ctr - off) / cells * 3.0 + (m - 0.5) * 2.0;
        vec2 v = field(wc, t);
        float sp = length(v);
        vec2 dir = v / max(sp, 1e-4);
        vec2 q = p - ctr;
        float along = dot(q, dir);
        float across = dot(q, vec2(-dir.y, dir.x));
        float len = 0.55 + 0.2 * r.z;
        float width = 0.17;
        float d = length(vec2(max(abs(along) - len, 0.0), across)) - width * (1.0 - 0.5 * abs(along) / len);
        float px = cells / iResolution.y;
        float ink = smoothstep(px, -px, d);
        float ang = atan(dir.y, dir.x);
        vec3 stroke = 0.55 + 0.45 * cos(ang + vec3(0.0, 2.1, 4.2) + 0.2 * t + 0.6 * r.z);
        stroke *= 0.75 + 0.35 * smoothstep(0.2, 2.5, sp);
        col = mix(col, stroke, ink);
    }
    fragColor = vec4(clamp(col, 0.0, 1.0), 1.0);
}
