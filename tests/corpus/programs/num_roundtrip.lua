-- %.17g round-trips doubles; tostring (14 digits) does not always.
local vals = {0.1, 1/3, 2/3, math.pi, 1e300, 1e-300, 123.456, 2^52 + 0.5, 4.35, 0.15}
for _, v in ipairs(vals) do
  local s14, s17 = tostring(v), string.format("%.17g", v)
  print(s14, s17, tonumber(s14) == v, tonumber(s17) == v)
end
