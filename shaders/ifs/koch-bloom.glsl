// name: koch-bloom
// family: ifs
// tags: ifs, koch, snowflake, fold, distance-bands
// licence: MIT
// author: shaderbank contributors
// description: Koch-style snowflake built by mirror folds and threefold scaling, its bend angle breathing, coloured by distance bands inside and out.

void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = (fragCoord - 0.5 * iResolution.xy) / iResolution.y;
    vec2 m = iMouse.xy / max(iResolution.xy, vec2(1.0));
    float t = iTime;
    float spin = 0.1 * t + m.x * 2.0;
    vec2 p = mat2(cos(spin), -sin(spin), sin(spin), cos(spin)) * uv * 1.25;
    // threefold symmetry: mirror into a 120 degree wedge around one edge normal
    float ang = atan(p.x, -p.y);
    float seg = 6.2831853 / 3.0;
    ang = mod(ang + seg * 0.5, seg) - seg * 0.5;
    float r = length(p);
    float h = 0.26;
    vec2 q = vec2(r * sin(ang), r * cos(ang) - h) / (1.7320508 * h);

    // bend angle of the middle bump; 60 degrees is the classic Koch curve
    float theta = 1.047 + 0.32 * sin(t * 0.35) + 0.2 * (m.y - 0.5);
    float bis = 1.5707963 - 0.5 * theta;
    vec2 n = vec2(sin(bis), -cos(bis));
    float scale = 1.0;
    float level = 0.0;
    for (int i = 0; i < 5; i++)
    {
        q.x = abs(q.x);
        vec2 o = q - vec2(1.0 / 3.0, 0.0);
        float k = dot(o, n);
        if (k < 0.0) { o -= 2.0 * k * n; level += exp2(-float(i)); }
        q = o + vec2(1.0 / 3.0, 0.0);
        q = vec2((q.x - 2.0 / 3.0) * 3.0, q.y * 3.0);
        scale *= 3.0;
    }
    float d = length(q - vec2(clamp(q.x, -1.0, 1.0), 0.0)) / scale * 1.7320508 * h;
    float side = q.y;
    float bands = fract(d * 9.0 - 0.5 * t);
    vec3 inside = 0.55 + 0.45 * cos(6.2831853 * (vec3(0.55, 0.65, 0.8) + level * 0.2 + d * 1.5));
    vec3 outside = 0.55 + 0.45 * cos(6.2831853 * (vec3(0.0, 0.1, 0.25) + d * 1.2 - 0.05 * t + level * 0.1));
    vec3 col = side < 0.0 ? inside : outside;
    col *= 0.7 + 0.3 * smoothstep(0.0, 0.5, bands);
    col = mix(col, vec3(1.0, 0.98, 0.9), smoothstep(0.01, 0.0, d));
    fragColor = vec4(clamp(col, 0.0, 1.0), 1.0);
}
