uniform float time;
void main() { float x = time; }
