local function a() return {} end
local function b() return {1, 2} end
local function c(x) return {x = x} end
local function d(...) return {...} end
local function e() return "s", nil, true end
return a, b, c, d, e
