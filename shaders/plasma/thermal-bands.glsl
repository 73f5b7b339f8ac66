// name: thermal-bands
// family: plasma
// tags: plasma, posterised, contour, thermal, heatmap
// licence: MIT
// author: shaderbank contributors
// description: Low-frequency interference plasma quantised into contour bands and mapped to a thermal-camera false-colour ramp.

vec3 thermal(float x)
{
    x = clamp(x, 0.0, 1.0);
    vec3 c = mix(vec3(0.05, 0.0, 0.25), vec3(0.55, 0.0, 0.6), smoothstep(0.0, 0.25, x));
    c = mix(c, vec3(0.95, 0.2, 0.1), smoothstep(0.2, 0.5, x));
    c = mix(c, vec3(1.0, 0.8, 0.0), smoothstep(0.45, 0.75, x));
    c = mix(c, vec3(1.0, 1.0, 0.9), smoothstep(0.75, 1.0, x));
    return c;
}

void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = fragCoord / iResolution.y;
    vec2 m = iMouse.xy / max(iResolution.xy, vec2(1.0));
    float t = iTime * 0.5;
    vec2 p = uv * 4.0 + m * 3.0;
    float v = 0.0;
    v += sin(p.x * 0.9 + t * 1.1);
    v += sin(p.y * 1.2 - t * 0.7);
    v += sin(length(p - vec2(2.0 + 1.5 * sin(t * 0.6), 2.0 + 1.5 * cos(t * 0.4))) * 1.7);
    v += sin(length(p - vec2(1.0 + 2.0 * cos(t * 0.3), 3.0 * sin(t * 0.5))) * 1.3 - t);
    v = v * 0.125 + 0.5;
    float levels = 9.0;
    float q = floor(v * levels) / (levels - 1.0);
    float edge = fract(v * levels);
    vec3 col = thermal(q * 0.85 + 0.1);
    col *= 0.85 + 0.15 * smoothstep(0.0, 0.15, edge);
    fragColor = vec4(clamp(col, 0.0, 1.0), 1.0);
}
