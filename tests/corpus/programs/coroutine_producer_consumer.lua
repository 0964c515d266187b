-- A pipeline of producer, filter and consumer coroutines.
local function producer(items)
  return coroutine.create(function()
    for _, v in ipairs(items) do coroutine.yield(v) end
    return nil
  end)
end
local function receive(p)
  local ok, v = coroutine.resume(p)
  if not ok then error(v) end
  return v
end
local function filter(src, pred)
  return coroutine.create(function()
    while true do
      local v = receive(src)
      if v == nil then return nil end
      if pred(v) then coroutine.yield(v) end
    end
  end)
end
local function map(src, f)
  return coroutine.create(function()
    while true do
      local v = receive(src)
      if v == nil then return nil end
      coroutine.yield(f(v))
    end
  end)
end
local items = {}
for i = 1, 20 do items[i] = i end
local pipeline = map(filter(producer(items), function(v) return v % 3 == 0 end),
                     function(v) return v * v end)
local out = {}
while true do
  local v = receive(pipeline)
  if v == nil then break end
  out[#out + 1] = v
end
print(table.concat(out, " "))
