local function f(
  a,
  b
)
  return
    a
    +
    b
end
local x = f(
  1,
  2
)
return x
