// name: tendril-plasma
// family: plasma
// tags: plasma, iterated, tendrils, organic, feedback
// licence: MIT
// author: shaderbank contributors
// description: A plasma built by feeding coordinates back through sines six times, curling into fine organic tendrils coloured by how far each point travelled.

void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = (2.0 * fragCoord - iResolution.xy) / iResolution.y;
    vec2 m = iMouse.xy / max(iResolution.xy, vec2(1.0));
    float t = iTime * 0.6;
    vec2 p = uv * 2.0 + (m - 0.5) * 2.0;
    vec2 start = p;
    for (int i = 1; i < 7; i++)
    {
        float fi = float(i);
        p.x += 0.55 / fi * sin(fi * 1.7 * p.y + t + 0.3 * fi);
        p.y += 0.55 / fi * cos(fi * 1.9 * p.x - t * 0.8 + 1.1 * fi);
    }
    float travel = length(p - start);
    float fil = 0.5 + 0.5 * sin(p.x * 3.0 + p.y * 2.0 + t);
    vec3 col = 0.5 + 0.5 * cos(6.2831853 * (travel * 0.35 + fil * 0.3 + vec3(0.0, 0.2, 0.45) + 0.05 * iTime));
    col *= 0.45 + 0.65 * pow(fil, 0.7);
    fragColor = vec4(clamp(col, 0.0, 1.0), 1.0);
}
