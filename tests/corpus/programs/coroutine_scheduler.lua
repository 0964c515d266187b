-- A round-robin scheduler with sleeping tasks and a shared log.
local tasks, log, clock = {}, {}, 0
local function spawn(name, fn) tasks[#tasks + 1] = {name = name, co = coroutine.create(fn), wake = 0} end
local function sleep(n) coroutine.yield(n) end
spawn("A", function() for i = 1, 3 do log[#log + 1] = "A" .. i .. "@" .. clock sleep(2) end end)
spawn("B", function() for i = 1, 4 do log[#log + 1] = "B" .. i .. "@" .. clock sleep(1) end end)
spawn("C", function() sleep(5) log[#log + 1] = "C@" .. clock error("C failed") end)
while #tasks > 0 and clock < 20 do
  for i = #tasks, 1, -1 do
    local t = tasks[i]
    if t.wake <= clock then
      local ok, v = coroutine.resume(t.co)
      if not ok then
        log[#log + 1] = t.name .. " error: " .. v
        table.remove(tasks, i)
      elseif coroutine.status(t.co) == "dead" then
        log[#log + 1] = t.name .. " done@" .. clock
        table.remove(tasks, i)
      else
        t.wake = clock + v
      end
    end
  end
  clock = clock + 1
end
print(table.concat(log, "\n"))
