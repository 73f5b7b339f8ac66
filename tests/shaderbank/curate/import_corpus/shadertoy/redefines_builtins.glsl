// WebGL1-era helpers that desktop GLSL has built in.
float tanh(float x) { float e = exp(2.0 * x); return (e - 1.0) / (e + 1.0); }
float round(float x) { return floor(x + 0.5); }
bool isnan(float x) { return !(x < 0.0 || 0.0 < x || x == 0.0); }
void mainImage(out vec4 fragColor, in vec2 fragCoord)
{
    vec2 uv = fragCoord / iResolution.xy;
    float b = tanh(sin(iTime) * 2.0) * 0.5 + 0.5;
    if (isnan(b)) b = 0.0;
    fragColor = vec4(uv.x, uv.y, round(b * 4.0) / 4.0, 1.0);
}
