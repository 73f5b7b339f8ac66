// name: penrose-rhombs
// family: tilings
// tags: tiling, penrose, aperiodic, rhombs, subdivision
// licence: MIT
// author: shaderbank contributors
// description: Penrose rhomb tiling built per pixel by eight rounds of Robinson-triangle subdivision, thick and thin rhombs coloured by a travelling hue wave.

const float PHI = 1.6180340;

float sideOf(vec2 p, vec2 a, vec2 b)
{
    vec2 e = b - a;
    vec2 w = p - a;
    return e.x * w.y - e.y * w.x;
}

float segDist(vec2 p, vec2 a, vec2 b)
{
    vec2 e = b - a;
    vec2 w = p - a;
    float h = clamp(dot(w, e) / max(dot(e, e), 1e-9), 0.0, 1.0);
    return length(w - e * h);
}

void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = (2.0 * fragCoord - iResolution.xy) / iResolution.y;
    vec2 m = iMouse.xy / max(iResolution.xy, vec2(1.0));
    float t = iTime;
    float zoom = 0.13 + 0.03 * sin(t * 0.19);
    float rot = 0.06 * t + m.x * 1.3;
    vec2 centre = 0.5 * vec2(cos(t * 0.11 + m.y * 3.0), sin(t * 0.14 + 1.0)) * (0.6 + 0.4 * sin(t * 0.07));
    vec2 p = mat2(cos(rot), -sin(rot), sin(rot), cos(rot)) * uv * zoom + centre;
    float px = zoom * 2.0 / iResolution.y;

    // initial wheel of ten triangles
    float PI = 3.14159265;
    float ang = atan(p.y, p.x);
    float i = mod(floor((ang + PI / 10.0) / (PI / 5.0)), 10.0);
    vec2 A = vec2(0.0);
    vec2 B = 1.2 * vec2(cos((2.0 * i - 1.0) * PI / 10.0), sin((2.0 * i - 1.0) * PI / 10.0));
    vec2 C = 1.2 * vec2(cos((2.0 * i + 1.0) * PI / 10.0), sin((2.0 * i + 1.0) * PI / 10.0));
    if (mod(i, 2.0) < 0.5) { vec2 tmp = B; B = C; C = tmp; }
    float type = 0.0;

    for (int level = 0; level < 8; level++)
    {
        if (type < 0.5)
        {
            vec2 P = A + (B - A) / PHI;
            if (sideOf(p, C, P) * sideOf(B, C, P) > 0.0)
            {
                vec2 oldB = B;
                A = C; B = P; C = oldB;
                type = 0.0;
            }
            else
            {
                vec2 oldA = A;
                A = P; B = C; C = oldA;
                type = 1.0;
            }
        }
        else
        {
            vec2 Q = B + (A - B) / PHI;
            vec2 R = B + (C - B) / PHI;
            if (sideOf(p, R, A) * sideOf(C, R, A) > 0.0)
            {
                vec2 oldA = A;
                A = R; B = C; C = oldA;
                type = 1.0;
            }
            else if (sideOf(p, Q, R) * sideOf(B, Q, R) > 0.0)
            {
                vec2 oldB = B;
                A = Q; B = R; C = oldB;
                type = 1.0;
            }
            else
            {
                vec2 oldA = A;
                vec2 oldQ = Q;
                A = R; B = oldQ; C = oldA;
                type = 0.0;
            }
        }
    }

    vec2 mid = 0.5 * (B + C);
    float edgeLen = length(B - A);
    float e = min(segDist(p, A, B), segDist(p, A, C));
    float wave = sin(dot(mid, vec2(30.0, 18.0)) * 0.5 - t * 1.4) * 0.5 + 0.5;
    float hue = 0.12 * t + 0.35 * type + 0.25 * wave + m.y;
    vec3 col = 0.55 + 0.45 * cos(6.2831853 * (hue + vec3(0.0, 0.33, 0.67)));
    col = mix(col, type > 0.5 ? vec3(1.0, 0.85, 0.55) : vec3(0.25, 0.3, 0.7), 0.3);
    float inner = length(p - mid) / edgeLen;
    col *= 1.05 - 0.35 * inner;
    float lw = 0.05 * edgeLen;
    col = mix(col, vec3(0.05, 0.04, 0.12), 1.0 - smoothstep(lw, lw + px, e));
    fragColor = vec4(clamp(col, 0.0, 1.0), 1.0);
}
