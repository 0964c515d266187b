-- Mandelbrot set on an N x N grid over [-1.5, 0.5] x [-1, 1], at most 50
-- iterations a point: floating-point arithmetic in nested loops. Prints the
-- number of points inside and the sum of escape iterations, not the image.
-- usage: mandelbrot.lua [N]   (default 200)

local MAXITER = 50

local function escape(cr, ci)
  local zr, zi = 0.0, 0.0
  for i = 1, MAXITER do
    local zr2, zi2 = zr * zr, zi * zi
    if zr2 + zi2 > 4.0 then
      return i
    end
    zi = 2.0 * zr * zi + ci
    zr = zr2 - zi2 + cr
  end
  return 0
end

local n = tonumber(arg and arg[1]) or 200
local inside, iters = 0, 0
for y = 0, n - 1 do
  local ci = 2.0 * y / n - 1.0
  for x = 0, n - 1 do
    local k = escape(2.0 * x / n - 1.5, ci)
    if k == 0 then
      inside = inside + 1
    else
      iters = iters + k
    end
  end
end
print("mandelbrot", n, "inside", inside, "iterations", iters)
