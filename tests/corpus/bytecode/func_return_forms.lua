local function r0() end
local function r0b() return end
local function r1(a) return a end
local function r1k() return 1 end
local function r2(a, b) return a, b end
local function rcall(f) return f() end
local function rcallm(f) return 1, f() end
local function rvarg(...) return ... end
local function rvarg2(...) return 1, ... end
local function rexpr(a) return a + 1 end
local function rparen(f) return (f()) end
return r0, r0b, r1, r1k, r2, rcall, rcallm, rvarg, rvarg2, rexpr, rparen
