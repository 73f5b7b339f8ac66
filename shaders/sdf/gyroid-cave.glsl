// name: gyroid-cave
// family: sdf
// tags: raymarch, sdf, gyroid, cave, tunnel
// licence: MIT
// author: shaderbank contributors
// description: Flying down a winding tunnel bored through a thickened gyroid lattice, lit by a head lamp and tinted by depth fog.

vec2 tunnelPath(float z)
{
    return vec2(1.2 * sin(z * 0.35), 0.8 * cos(z * 0.27));
}

float mapScene(vec3 p)
{
    vec3 q = p * 2.2;
    float g = dot(sin(q), cos(q.zxy));
    float shell = (abs(g) - 0.45) / 4.0;
    float tunnel = 1.1 - length(p.xy - tunnelPath(p.z));
    return max(shell, tunnel);
}

vec3 calcNormal(vec3 p)
{
    vec2 k = vec2(1.0, -1.0) * 0.003;
    return normalize(k.xyy * mapScene(p + k.xyy) + k.yyx * mapScene(p + k.yyx) +
                     k.yxy * mapScene(p + k.yxy) + k.xxx * mapScene(p + k.xxx));
}

void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = (2.0 * fragCoord - iResolution.xy) / iResolution.y;
    vec2 m = iMouse.xy / max(iResolution.xy, vec2(1.0));
    float t = iTime;
    float z = t * 1.3 + m.x * 20.0;
    vec3 ro = vec3(tunnelPath(z), z);
    vec3 ta = vec3(tunnelPath(z + 2.0), z + 2.0);
    ta.xy += 0.6 * vec2(sin(t * 0.7), cos(t * 0.5)) + (m.y - 0.5);
    vec3 fw = normalize(ta - ro);
    float roll = 0.4 * sin(t * 0.3);
    vec3 rt = normalize(cross(vec3(sin(roll), cos(roll), 0.0), fw));
    vec3 up = cross(fw, rt);
    vec3 rd = normalize(fw * 1.1 + uv.x * rt + uv.y * up);

    float d = 0.0;
    for (int i = 0; i < 48; i++)
    {
        float s = mapScene(ro + rd * d);
        if (s < 0.001 + 0.004 * d || d > 12.0) break;
        d += s;
    }
    d = min(d, 12.0);
    vec3 p = ro + rd * d;
    vec3 n = calcNormal(p);
    vec3 fogCol = 0.5 + 0.4 * cos(6.2831853 * (0.08 * t + vec3(0.55, 0.7, 0.9)));
    vec3 alb = 0.55 + 0.45 * cos(6.2831853 * (0.12 * p.z + 0.5 * length(p.xy - tunnelPath(p.z)) + vec3(0.0, 0.2, 0.45)));
    float lamp = max(dot(n, -rd), 0.0);
    float cavity = clamp(0.4 + mapScene(p + n * 0.15) * 10.0, 0.0, 1.0);
    vec3 col = alb * (0.2 + 0.9 * lamp) * (0.4 + 0.6 * cavity);
    col += 0.3 * pow(lamp, 20.0);
    col = mix(col, fogCol, 1.0 - exp(-0.22 * d));
    fragColor = vec4(clamp(col, 0.0, 1.0), 1.0);
}
