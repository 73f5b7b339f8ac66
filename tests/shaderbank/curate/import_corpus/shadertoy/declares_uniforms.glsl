// Copied from a standalone player that declares Shadertoy's uniforms itself.
precision highp float;
uniform vec3 iResolution;
uniform float iTime;
uniform vec4 iMouse;
uniform sampler2D iChannel0;
void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = fragCoord / iResolution.xy;
    fragColor = vec4(uv.x, uv.y, 0.5 + 0.5 * cos(iTime * 2.0 + uv.x), 1.0);
}
void main()
{
    mainImage(gl_FragColor, gl_FragCoord.xy);
}
