local a = 1;
print(a);
do local b = a; print(b); end
if a then print(a); end
local c, d = 1, 2; return c, d;
