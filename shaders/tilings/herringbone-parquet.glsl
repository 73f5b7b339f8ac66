// name: herringbone-parquet
// family: tilings
// tags: tiling, herringbone, parquet, planks, painted-wood
// licence: MIT
// author: shaderbank contributors
// description: Herringbone parquet of 2:1 planks laid at forty-five degrees, painted in a rotating four-colour scheme with wood grain and bevelled joints.

uint mixBits(uint x)
{
    x ^= x >> 16;
    x *= 0x21f0aaadU;
    x ^= x >> 15;
    x *= 0xd35a2d97U;
    x ^= x >> 15;
    return x;
}

float hashId(vec3 c)
{
    ivec3 i = ivec3(floor(c + 0.5));
    uint h = mixBits(uint(i.x) * 0x27d4eb2dU + mixBits(uint(i.y) * 0x165667b1U + mixBits(uint(i.z) + 0x9e3779b9U)));
    return float(h) * (1.0 / 4294967296.0);
}

void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = (2.0 * fragCoord - iResolution.xy) / iResolution.y;
    vec2 m = iMouse.xy / max(iResolution.xy, vec2(1.0));
    float t = iTime;
    float scale = 4.0 + 1.2 * sin(t * 0.17);
    float px = scale * 2.0 / iResolution.y;
    float ang = 0.7853982 + 0.15 * sin(t * 0.23) + m.x;
    vec2 p = mat2(cos(ang), -sin(ang), sin(ang), cos(ang)) * uv * scale;
    p += vec2(t * 0.45, -t * 0.3) + m * 4.0;

    float ix = floor(p.x);
    float iy = floor(p.y);
    float u = ix - iy;
    float k = mod(u, 4.0);
    float j = floor(u / 4.0);
    vec2 origin;
    vec2 size;
    vec3 id;
    if (k < 1.5)
    {
        origin = vec2(iy + 4.0 * j, iy);
        size = vec2(2.0, 1.0);
        id = vec3(iy, j, 0.0);
    }
    else
    {
        float mm = k < 2.5 ? iy : iy + 1.0;
        origin = vec2(mm + 2.0 + 4.0 * j, mm - 1.0);
        size = vec2(1.0, 2.0);
        id = vec3(mm, j, 1.0);
    }
    vec2 q = p - origin;
    vec2 fromEdge = min(q, size - q);
    float edge = min(fromEdge.x, fromEdge.y);
    float along = size.x > size.y ? q.x : q.y;
    float across = size.x > size.y ? q.y : q.x;

    float r = hashId(id);
    float wave = sin(dot(origin, vec2(0.21, 0.13)) - t * 1.3);
    float slot = mod(floor(r * 4.0) + floor(t * 0.5 + 0.5 * wave), 4.0);
    vec3 c0 = vec3(0.85, 0.33, 0.25);
    vec3 c1 = vec3(0.95, 0.75, 0.3);
    vec3 c2 = vec3(0.2, 0.6, 0.6);
    vec3 c3 = vec3(0.35, 0.3, 0.6);
    vec3 paint = slot < 0.5 ? c0 : (slot < 1.5 ? c1 : (slot < 2.5 ? c2 : c3));
    paint = mix(paint, paint.yzx, 0.25 * sin(t * 0.3 + m.y * 3.0) + 0.25);

    float grain = sin(across * 18.0 + 1.5 * sin(along * 2.0 + r * 20.0) + r * 30.0);
    vec3 col = paint * (0.82 + 0.1 * grain + 0.12 * id.z);
    col *= 0.75 + 0.25 * smoothstep(0.0, 0.18, edge);
    col = mix(col, vec3(0.12, 0.07, 0.05), 1.0 - smoothstep(0.02, 0.02 + px, edge));
    fragColor = vec4(clamp(col, 0.0, 1.0), 1.0);
}
