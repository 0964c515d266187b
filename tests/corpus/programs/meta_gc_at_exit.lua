-- Finalizers still pending when the program ends run when the state closes.
local function final(name)
  local u = newproxy(true)
  getmetatable(u).__gc = function() io.write("gc ", name, "\n") end
  return u
end
keep1 = final("one")
keep2 = final("two")
print("end of main chunk")
