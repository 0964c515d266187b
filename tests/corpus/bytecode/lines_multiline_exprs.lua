local a, b, c = ...
local x = a +
  b
  * c
f(
  a,
  b
)
local t = {
  a,
  k =
    b,
  [c]
    = 1,
}
local y = a
  .. b
  .. c
if a
  and b
then
  print(
    x)
end
return
  x,
  y,
  t
