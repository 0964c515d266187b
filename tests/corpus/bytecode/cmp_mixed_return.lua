local function lt(a, b) return a < b end
local function ge(a, b) return a >= b end
local function eq(a, b) return a == b end
local function nes(a) return a ~= "x" end
local function eqn(a) return 0 == a end
local function eqp(a) return a == false end
return lt, ge, eq, nes, eqn, eqp
