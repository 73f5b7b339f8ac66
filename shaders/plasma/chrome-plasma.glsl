// name: chrome-plasma
// family: plasma
// tags: plasma, chrome, metallic, lighting, relief
// licence: MIT
// author: shaderbank contributors
// description: A sine plasma treated as a relief and lit like polished coloured chrome, analytic normals reflecting a two-tone studio environment.

vec3 plasmaGrad(vec2 p, float t)
{
    // value and analytic gradient of the plasma
    float a1 = p.x * 1.3 + t;
    float a2 = p.y * 1.7 - t * 0.8;
    float a3 = (p.x + p.y) * 1.1 + t * 1.3;
    vec2 c = vec2(sin(t * 0.5), cos(t * 0.37)) * 1.5;
    vec2 d = p - c;
    float r = length(d) + 1e-4;
    float a4 = r * 2.4 - t * 1.7;
    float v = sin(a1) + sin(a2) + sin(a3) + sin(a4);
    vec2 g = vec2(1.3 * cos(a1), 0.0) + vec2(0.0, 1.7 * cos(a2)) + vec2(1.1) * cos(a3) + 2.4 * cos(a4) * d / r;
    return vec3(v, g);
}

void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = (2.0 * fragCoord - iResolution.xy) / iResolution.y;
    vec2 m = iMouse.xy / max(iResolution.xy, vec2(1.0));
    float t = iTime * 0.8;
    vec2 p = uv * 2.3 + m * 2.0;
    vec3 vg = plasmaGrad(p, t);
    vec3 n = normalize(vec3(-vg.yz * 0.25, 1.0));
    vec3 rd = vec3(0.0, 0.0, -1.0);
    vec3 rf = reflect(rd, n);
    float hue = 0.06 * iTime + vg.x * 0.05;
    vec3 top = 0.6 + 0.4 * cos(6.2831853 * (hue + vec3(0.0, 0.33, 0.67)));
    vec3 bot = 0.3 + 0.3 * cos(6.2831853 * (hue + 0.5 + vec3(0.0, 0.33, 0.67)));
    vec3 env = mix(bot, top, smoothstep(-0.3, 0.4, rf.y));
    env += vec3(1.0) * smoothstep(0.9, 0.98, dot(rf, normalize(vec3(0.4 * cos(iTime * 0.3), 0.5, 0.75))));
    vec3 col = env * (0.6 + 0.4 * n.z);
    fragColor = vec4(clamp(col, 0.0, 1.0), 1.0);
}
