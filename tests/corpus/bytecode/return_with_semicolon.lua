local function f() return 1; end
local function g() return; end
return f, g;
