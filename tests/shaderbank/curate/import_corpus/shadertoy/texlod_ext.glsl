#extension GL_EXT_shader_texture_lod : enable
void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = fragCoord / iResolution.xy;
    vec4 t = texture2DLodEXT(iChannel0, uv, 2.0 + sin(iTime));
    fragColor = vec4(uv.x, uv.y, t.r, 1.0);
}
