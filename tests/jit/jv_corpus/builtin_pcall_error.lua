-- pcall catching an error raised with error() in a hot loop.
local function f(x) if x % 2 == 0 then error("even") end return x end
local ok_n, err_n = 0, 0
for i = 1, 200 do
  local ok = pcall(f, i)
  if ok then ok_n = ok_n + 1 else err_n = err_n + 1 end
end
print(ok_n, err_n)
