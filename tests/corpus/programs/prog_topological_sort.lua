-- Topological sort with cycle detection (depth-first, sorted keys).
local function toposort(deps)
  local names = {}
  for k in pairs(deps) do names[#names + 1] = k end
  table.sort(names)
  local state, order = {}, {}
  local function visit(n, path)
    if state[n] == "done" then return end
    if state[n] == "active" then error("cycle: " .. table.concat(path, " -> ") .. " -> " .. n, 0) end
    state[n] = "active"
    path[#path + 1] = n
    local ds = deps[n] or {}
    table.sort(ds)
    for _, d in ipairs(ds) do visit(d, path) end
    path[#path] = nil
    state[n] = "done"
    order[#order + 1] = n
  end
  for _, n in ipairs(names) do visit(n, {}) end
  return order
end
print(table.concat(toposort({
  app = {"lib", "utils", "config"}, lib = {"utils", "core"}, utils = {"core"},
  config = {}, core = {}, tests = {"app", "mock"}, mock = {"core"},
}), " "))
print(pcall(toposort, {a = {"b"}, b = {"c"}, c = {"a"}}))
