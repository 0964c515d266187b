local function f0()
  local x = 1
  return x
end
local function f1(p0)
  local x = 1 + p0
  return x
end
local function f2(p0, p1)
  local x = 1 + p0 + p1
  return x
end
local function f3(p0, p1, p2)
  local x = 1 + p0 + p1 + p2
  return x
end
local function f4(p0, p1, p2, p3)
  local x = 1 + p0 + p1 + p2 + p3
  return x
end
local function f5(p0, p1, p2, p3, p4)
  local x = 1 + p0 + p1 + p2 + p3 + p4
  return x
end
local function f6(p0, p1, p2, p3, p4, p5)
  local x = 1 + p0 + p1 + p2 + p3 + p4 + p5
  return x
end
local function f7(p0, p1, p2, p3, p4, p5, p6)
  local x = 1 + p0 + p1 + p2 + p3 + p4 + p5 + p6
  return x
end
local function f8(p0, p1, p2, p3, p4, p5, p6, p7)
  local x = 1 + p0 + p1 + p2 + p3 + p4 + p5 + p6 + p7
  return x
end
local function f9(p0, p1, p2, p3, p4, p5, p6, p7, p8)
  local x = 1 + p0 + p1 + p2 + p3 + p4 + p5 + p6 + p7 + p8
  return x
end
local function f10(p0, p1, p2, p3, p4, p5, p6, p7, p8, p9)
  local x = 1 + p0 + p1 + p2 + p3 + p4 + p5 + p6 + p7 + p8 + p9
  return x
end
local function f11(p0, p1, p2, p3, p4, p5, p6, p7, p8, p9, p10)
  local x = 1 + p0 + p1 + p2 + p3 + p4 + p5 + p6 + p7 + p8 + p9 + p10
  return x
end
local function f12(p0, p1, p2, p3, p4, p5, p6, p7, p8, p9, p10, p11)
  local x = 1 + p0 + p1 + p2 + p3 + p4 + p5 + p6 + p7 + p8 + p9 + p10 + p11
  return x
end
local function f13(p0, p1, p2, p3, p4, p5, p6, p7, p8, p9, p10, p11, p12)
  local x = 1 + p0 + p1 + p2 + p3 + p4 + p5 + p6 + p7 + p8 + p9 + p10 + p11 + p12
  return x
end
local function f14(p0, p1, p2, p3, p4, p5, p6, p7, p8, p9, p10, p11, p12, p13)
  local x = 1 + p0 + p1 + p2 + p3 + p4 + p5 + p6 + p7 + p8 + p9 + p10 + p11 + p12 + p13
  return x
end
local function f15(p0, p1, p2, p3, p4, p5, p6, p7, p8, p9, p10, p11, p12, p13, p14)
  local x = 1 + p0 + p1 + p2 + p3 + p4 + p5 + p6 + p7 + p8 + p9 + p10 + p11 + p12 + p13 + p14
  return x
end
local function f16(p0, p1, p2, p3, p4, p5, p6, p7, p8, p9, p10, p11, p12, p13, p14, p15)
  local x = 1 + p0 + p1 + p2 + p3 + p4 + p5 + p6 + p7 + p8 + p9 + p10 + p11 + p12 + p13 + p14 + p15
  return x
end
local function f17(p0, p1, p2, p3, p4, p5, p6, p7, p8, p9, p10, p11, p12, p13, p14, p15, p16)
  local x = 1 + p0 + p1 + p2 + p3 + p4 + p5 + p6 + p7 + p8 + p9 + p10 + p11 + p12 + p13 + p14 + p15 + p16
  return x
end
local function f18(p0, p1, p2, p3, p4, p5, p6, p7, p8, p9, p10, p11, p12, p13, p14, p15, p16, p17)
  local x = 1 + p0 + p1 + p2 + p3 + p4 + p5 + p6 + p7 + p8 + p9 + p10 + p11 + p12 + p13 + p14 + p15 + p16 + p17
  return x
end
local function f19(p0, p1, p2, p3, p4, p5, p6, p7, p8, p9, p10, p11, p12, p13, p14, p15, p16, p17, p18)
  local x = 1 + p0 + p1 + p2 + p3 + p4 + p5 + p6 + p7 + p8 + p9 + p10 + p11 + p12 + p13 + p14 + p15 + p16 + p17 + p18
  return x
end
return f19
