// name: fold-tree
// family: ifs
// tags: ifs, tree, mirror-fold, branches, glow
// licence: MIT
// author: shaderbank contributors
// description: Branching tree from a mirror fold, rotate and scale iterated ten times, glowing branches over a dusk gradient, its branch angle swaying.

float segDist(vec2 p, float h)
{
    p.y -= clamp(p.y, 0.0, h);
    return length(p);
}

void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = (fragCoord - 0.5 * iResolution.xy) / iResolution.y;
    vec2 m = iMouse.xy / max(iResolution.xy, vec2(1.0));
    float t = iTime;
    vec2 p = uv * 2.4 + vec2(0.0, 1.2);
    float branch = 0.42 + 0.3 * sin(t * 0.4) + 0.2 * (m.x - 0.5);
    float lean = 0.12 * sin(t * 0.23 + m.y * 3.0);
    float sc = 1.38;
    mat2 rot = mat2(cos(branch), sin(branch), -sin(branch), cos(branch));
    float scale = 1.0;
    float d = segDist(p, 0.6);
    float glow = 0.0;
    float hueAcc = 0.0;
    for (int i = 0; i < 10; i++)
    {
        p.y -= 0.6;
        p.x = abs(p.x + lean) ;
        p = rot * p;
        p *= sc;
        scale *= sc;
        float di = segDist(p, 0.6) / scale;
        if (di < d) { d = di; hueAcc = float(i); }
        glow += exp(-di * 60.0) * 0.12;
    }
    vec3 sky = mix(vec3(0.95, 0.55, 0.35), vec3(0.25, 0.2, 0.55), smoothstep(-0.5, 0.6, uv.y));
    sky = mix(sky, vec3(0.1, 0.45, 0.6), smoothstep(0.2, 0.7, uv.x * uv.x + 0.2 * sin(t)));
    vec3 leaf = 0.55 + 0.45 * cos(6.2831853 * (hueAcc * 0.09 + vec3(0.3, 0.45, 0.7) + 0.04 * t));
    vec3 col = sky + leaf * glow;
    col = mix(col, leaf * 1.1, smoothstep(0.012, 0.0, d - 0.004));
    fragColor = vec4(clamp(col, 0.0, 1.0), 1.0);
}
