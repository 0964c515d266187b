-- A precedence-climbing calculator with variables and error reporting.
local function parse(src, vars)
  local pos = 1
  local function peek() return src:match("^%s*([%d%.]+)", pos) and "num"
    or src:match("^%s*(%a%w*)", pos) and "id" or src:match("^%s*(%S)", pos) end
  local function take(pattern)
    local s, e, cap = src:find("^%s*(" .. pattern .. ")", pos)
    if not s then return nil end
    pos = e + 1
    return cap
  end
  local expr
  local function atom()
    local kind = peek()
    if kind == "num" then return tonumber(take("[%d%.]+")) end
    if kind == "id" then
      local name = take("%a%w*")
      if take("%(") then
        local arg = expr(0)
        if not take("%)") then error("expected ')' at " .. pos, 0) end
        local f = math[name] or error("unknown function " .. name, 0)
        return f(arg)
      end
      local v = vars[name]
      if v == nil then error("undefined variable " .. name, 0) end
      return v
    end
    if take("%(") then
      local v = expr(0)
      if not take("%)") then error("expected ')' at " .. pos, 0) end
      return v
    end
    if take("%-") then return -expr(3) end
    error("unexpected " .. tostring(kind) .. " at " .. pos, 0)
  end
  local prec = {["+"] = {1, 1}, ["-"] = {1, 1}, ["*"] = {2, 2}, ["/"] = {2, 2}, ["%"] = {2, 2}, ["^"] = {4, 3}}
  function expr(min)
    local lhs = atom()
    while true do
      local op = src:match("^%s*([%+%-%*/%%%^])", pos)
      local p = op and prec[op]
      if not p or p[1] < min then return lhs end
      take("%" .. op)
      local rhs = expr(p[2] + (p[1] == p[2] and 1 or 0))
      if op == "+" then lhs = lhs + rhs elseif op == "-" then lhs = lhs - rhs
      elseif op == "*" then lhs = lhs * rhs elseif op == "/" then lhs = lhs / rhs
      elseif op == "%" then lhs = lhs % rhs else lhs = lhs ^ rhs end
    end
  end
  local v = expr(0)
  if src:match("^%s*$", pos) == nil then error("trailing input at " .. pos, 0) end
  return v
end
local vars = {x = 3, y = 4, big = 1e300}
for _, e in ipairs({"1 + 2 * 3", "(1 + 2) * 3", "2 ^ 3 ^ 2", "-2 ^ 2", "x * x + y * y",
  "sqrt(x*x + y*y)", "10 / 4 - 1", "7 % 3", "big * big", "floor(7.9) + abs(-2)", "1 - 2 - 3",
  "2 * (3", "foo + 1", "1 +", "3 3", "nosuch(2)"}) do
  print(e, pcall(parse, e, vars))
end
