-- debug.getlocal, setlocal, getupvalue and setupvalue.
local function locals(a, b)
  local c = a + b
  local out = {}
  local i = 1
  while true do
    local name, value = debug.getlocal(1, i)
    if not name then break end
    out[#out + 1] = name .. "=" .. tostring(value)
    i = i + 1
  end
  return table.concat(out, " ")
end
print(locals(1, 2))
local function changer()
  local x = 10
  debug.setlocal(1, 1, 99)
  return x
end
print(changer())
local u1, u2 = "first", "second"
local function f() return u1, u2 end
print(debug.getupvalue(f, 1), debug.getupvalue(f, 2), debug.getupvalue(f, 3))
print(debug.setupvalue(f, 2, "changed"), f())
local function params(p1, p2, ...) end
print(debug.getlocal(params, 1), debug.getlocal(params, 2), debug.getlocal(params, 3))
