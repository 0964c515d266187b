local function f(a, b, c, d, e, f, g, h, i, j)
  return j, i, h, g, f, e, d, c, b, a
end
return f
