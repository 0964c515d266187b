-- DeltaBlue-style incremental constraint solver: variables, stay, edit,
-- equality and scale constraints with strengths; adding and removing
-- constraints re-plans incrementally, and plans are extracted and run.
-- Class hierarchy through metatables: method calls and field access.
-- usage: deltablue.lua [N]   (default 20: rounds of the chain and projection tests)

-- Strengths: smaller is stronger.
local REQUIRED, STRONG_PREFERRED, PREFERRED, STRONG_DEFAULT = 0, 1, 2, 3
local NORMAL, WEAK_DEFAULT, WEAKEST = 4, 5, 6
local NONE, FORWARD, BACKWARD = 0, 1, 2

local function stronger(a, b)
  return a < b
end

local function weakest_of(a, b)
  if a > b then
    return a
  end
  return b
end

local function class(parent)
  local c = {}
  c.__index = c
  if parent then
    setmetatable(c, { __index = parent })
  end
  return c
end

local function list_remove(list, item)
  local j = 0
  for i = 1, #list do
    local x = list[i]
    list[i] = nil
    if x ~= item then
      j = j + 1
      list[j] = x
    end
  end
end

-- Variables -----------------------------------------------------------------

local Variable = class()

function Variable.new(name, value)
  return setmetatable({ name = name, value = value, constraints = {}, determined_by = nil,
                        mark = 0, walk = WEAKEST, stay = true }, Variable)
end

function Variable:add_constraint(c)
  self.constraints[#self.constraints + 1] = c
end

function Variable:remove_constraint(c)
  list_remove(self.constraints, c)
  if self.determined_by == c then
    self.determined_by = nil
  end
end

-- Constraints ---------------------------------------------------------------

local Constraint = class()

function Constraint:add(planner)
  self:add_to_graph()
  planner:incremental_add(self)
end

function Constraint:destroy(planner)
  if self:is_satisfied() then
    planner:incremental_remove(self)
  else
    self:remove_from_graph()
  end
end

function Constraint:is_input()
  return false
end

function Constraint:satisfy(mark, planner)
  self:choose_method(mark)
  if not self:is_satisfied() then
    if self.strength == REQUIRED then
      error("could not satisfy a required constraint")
    end
    return nil
  end
  self:mark_inputs(mark)
  local out = self:output()
  local overridden = out.determined_by
  if overridden then
    overridden:mark_unsatisfied()
  end
  out.determined_by = self
  if not planner:add_propagate(self, mark) then
    error("cycle encountered")
  end
  out.mark = mark
  return overridden
end

-- One-variable constraints: stay and edit.

local Unary = class(Constraint)

function Unary.init(self, var, strength, planner)
  self.var, self.strength, self.satisfied = var, strength, false
  self:add(planner)
  return self
end

function Unary:add_to_graph()
  self.var:add_constraint(self)
  self.satisfied = false
end

function Unary:remove_from_graph()
  self.var:remove_constraint(self)
  self.satisfied = false
end

function Unary:choose_method(mark)
  local v = self.var
  self.satisfied = v.mark ~= mark and stronger(self.strength, v.walk)
end

function Unary:is_satisfied()
  return self.satisfied
end

function Unary:mark_inputs()
end

function Unary:output()
  return self.var
end

function Unary:recalculate()
  local v = self.var
  v.walk = self.strength
  v.stay = not self:is_input()
  if v.stay then
    self:execute()
  end
end

function Unary:mark_unsatisfied()
  self.satisfied = false
end

function Unary:inputs_known()
  return true
end

function Unary:execute()
end

local Stay = class(Unary)

function Stay.new(var, strength, planner)
  return Unary.init(setmetatable({}, Stay), var, strength, planner)
end

local Edit = class(Unary)

function Edit.new(var, strength, planner)
  return Unary.init(setmetatable({}, Edit), var, strength, planner)
end

function Edit:is_input()
  return true
end

-- Two-variable constraints: equality and scale.

local Binary = class(Constraint)

function Binary.init(self, v1, v2, strength, planner)
  self.v1, self.v2, self.strength, self.direction = v1, v2, strength, NONE
  self:add(planner)
  return self
end

function Binary:choose_method(mark)
  local v1, v2, s = self.v1, self.v2, self.strength
  if v1.mark == mark then
    self.direction = (v2.mark ~= mark and stronger(s, v2.walk)) and FORWARD or NONE
  elseif v2.mark == mark then
    self.direction = (v1.mark ~= mark and stronger(s, v1.walk)) and BACKWARD or NONE
  elseif stronger(v2.walk, v1.walk) then
    self.direction = stronger(s, v1.walk) and BACKWARD or NONE
  else
    self.direction = stronger(s, v2.walk) and FORWARD or NONE
  end
end

function Binary:add_to_graph()
  self.v1:add_constraint(self)
  self.v2:add_constraint(self)
  self.direction = NONE
end

function Binary:remove_from_graph()
  self.v1:remove_constraint(self)
  self.v2:remove_constraint(self)
  self.direction = NONE
end

function Binary:is_satisfied()
  return self.direction ~= NONE
end

function Binary:input()
  if self.direction == FORWARD then
    return self.v1
  end
  return self.v2
end

function Binary:output()
  if self.direction == FORWARD then
    return self.v2
  end
  return self.v1
end

function Binary:mark_inputs(mark)
  self:input().mark = mark
end

function Binary:recalculate()
  local ihn, out = self:input(), self:output()
  out.walk = weakest_of(self.strength, ihn.walk)
  out.stay = ihn.stay
  if out.stay then
    self:execute()
  end
end

function Binary:mark_unsatisfied()
  self.direction = NONE
end

function Binary:inputs_known(mark)
  local i = self:input()
  return i.mark == mark or i.stay or i.determined_by == nil
end

local Equality = class(Binary)

function Equality.new(v1, v2, strength, planner)
  return Binary.init(setmetatable({}, Equality), v1, v2, strength, planner)
end

function Equality:execute()
  self:output().value = self:input().value
end

local Scale = class(Binary)

function Scale.new(src, scale, offset, dest, strength, planner)
  local c = setmetatable({ scale = scale, offset = offset }, Scale)
  return Binary.init(c, src, dest, strength, planner)
end

function Scale:add_to_graph()
  Binary.add_to_graph(self)
  self.scale:add_constraint(self)
  self.offset:add_constraint(self)
end

function Scale:remove_from_graph()
  Binary.remove_from_graph(self)
  self.scale:remove_constraint(self)
  self.offset:remove_constraint(self)
end

function Scale:mark_inputs(mark)
  Binary.mark_inputs(self, mark)
  self.scale.mark = mark
  self.offset.mark = mark
end

function Scale:execute()
  if self.direction == FORWARD then
    self.v2.value = self.v1.value * self.scale.value + self.offset.value
  else
    self.v1.value = (self.v2.value - self.offset.value) / self.scale.value
  end
end

function Scale:recalculate()
  local ihn, out = self:input(), self:output()
  out.walk = weakest_of(self.strength, ihn.walk)
  out.stay = ihn.stay and self.scale.stay and self.offset.stay
  if out.stay then
    self:execute()
  end
end

-- Plans and the planner -------------------------------------------------------

local Plan = class()

function Plan.new()
  return setmetatable({ n = 0 }, Plan)
end

function Plan:add(c)
  self.n = self.n + 1
  self[self.n] = c
end

function Plan:execute()
  for i = 1, self.n do
    self[i]:execute()
  end
end

local Planner = class()

function Planner.new()
  return setmetatable({ current_mark = 0 }, Planner)
end

function Planner:new_mark()
  self.current_mark = self.current_mark + 1
  return self.current_mark
end

function Planner:incremental_add(c)
  local mark = self:new_mark()
  local overridden = c:satisfy(mark, self)
  while overridden do
    overridden = overridden:satisfy(mark, self)
  end
end

function Planner:incremental_remove(c)
  local out = c:output()
  c:mark_unsatisfied()
  c:remove_from_graph()
  local unsatisfied = self:remove_propagate_from(out)
  for strength = REQUIRED, WEAKEST do
    for i = 1, #unsatisfied do
      local u = unsatisfied[i]
      if u.strength == strength then
        self:incremental_add(u)
      end
    end
  end
end

local function push_consumers(v, todo)
  local determining = v.determined_by
  local cs = v.constraints
  for i = 1, #cs do
    local c = cs[i]
    if c ~= determining and c:is_satisfied() then
      todo[#todo + 1] = c
    end
  end
end

function Planner:make_plan(sources)
  local mark = self:new_mark()
  local plan = Plan.new()
  local todo, head = sources, 1
  while head <= #todo do
    local c = todo[head]
    head = head + 1
    local out = c:output()
    if out.mark ~= mark and c:inputs_known(mark) then
      plan:add(c)
      out.mark = mark
      push_consumers(out, todo)
    end
  end
  return plan
end

function Planner:extract_plan(constraints)
  local sources = {}
  for i = 1, #constraints do
    local c = constraints[i]
    if c:is_input() and c:is_satisfied() then
      sources[#sources + 1] = c
    end
  end
  return self:make_plan(sources)
end

function Planner:add_propagate(c, mark)
  local todo = { c }
  while #todo > 0 do
    local d = todo[#todo]
    todo[#todo] = nil
    if d:output().mark == mark then
      self:incremental_remove(c)
      return false
    end
    d:recalculate()
    push_consumers(d:output(), todo)
  end
  return true
end

function Planner:remove_propagate_from(out)
  out.determined_by = nil
  out.walk = WEAKEST
  out.stay = true
  local unsatisfied, todo = {}, { out }
  while #todo > 0 do
    local v = todo[#todo]
    todo[#todo] = nil
    local cs = v.constraints
    for i = 1, #cs do
      local c = cs[i]
      if not c:is_satisfied() then
        unsatisfied[#unsatisfied + 1] = c
      end
    end
    local determining = v.determined_by
    for i = 1, #cs do
      local c = cs[i]
      if c ~= determining and c:is_satisfied() then
        c:recalculate()
        todo[#todo + 1] = c:output()
      end
    end
  end
  return unsatisfied
end

-- The two tests ----------------------------------------------------------------

local function change(planner, var, value)
  local edit = Edit.new(var, PREFERRED, planner)
  local plan = planner:extract_plan({ edit })
  for _ = 1, 10 do
    var.value = value
    plan:execute()
  end
  edit:destroy(planner)
end

-- A chain v1 = v2 = ... = vn with a stay on the last and an edit on the first.
local function chain_test(n)
  local planner = Planner.new()
  local vars = {}
  for i = 1, n + 1 do
    vars[i] = Variable.new("v" .. i, 0)
  end
  for i = 1, n do
    Equality.new(vars[i], vars[i + 1], REQUIRED, planner)
  end
  Stay.new(vars[n + 1], STRONG_DEFAULT, planner)
  local first, last = vars[1], vars[n + 1]
  local edit = Edit.new(first, PREFERRED, planner)
  local plan = planner:extract_plan({ edit })
  local errors, sum = 0, 0
  for i = 1, 100 do
    first.value = i
    plan:execute()
    if last.value ~= i then
      errors = errors + 1
    end
    sum = sum + last.value
  end
  edit:destroy(planner)
  return errors, sum
end

-- Pairs dst = src * scale + offset; editing scale and offset updates every dst.
local function projection_test(n)
  local planner = Planner.new()
  local scale, offset = Variable.new("scale", 10), Variable.new("offset", 1000)
  local src, dst
  local dests = {}
  for i = 1, n do
    src = Variable.new("src" .. i, i)
    dst = Variable.new("dst" .. i, i)
    dests[i] = dst
    Stay.new(src, NORMAL, planner)
    Scale.new(src, scale, offset, dst, REQUIRED, planner)
  end
  local errors = 0
  change(planner, src, 17)
  if dst.value ~= 1170 then
    errors = errors + 1
  end
  change(planner, dst, 1050)
  if src.value ~= 5 then
    errors = errors + 1
  end
  change(planner, scale, 5)
  for i = 1, n - 1 do
    if dests[i].value ~= i * 5 + 1000 then
      errors = errors + 1
    end
  end
  change(planner, offset, 2000)
  local sum = 0
  for i = 1, n - 1 do
    if dests[i].value ~= i * 5 + 2000 then
      errors = errors + 1
    end
    sum = sum + dests[i].value
  end
  return errors, sum
end

local rounds = tonumber(arg and arg[1]) or 20
local errors, checksum = 0, 0
for _ = 1, rounds do
  local e1, s1 = chain_test(100)
  local e2, s2 = projection_test(100)
  errors = errors + e1 + e2
  checksum = checksum + s1 + s2
end
print("deltablue", rounds, "errors", errors, "checksum", checksum)
