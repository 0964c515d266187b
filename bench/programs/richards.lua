-- Richards-style operating-system simulation: a scheduler runs six tasks
-- (idle, worker, two handlers, two devices) that pass packets through work
-- queues. Object-oriented code with metatables and many small method calls.
-- usage: richards.lua [COUNT]   (default 20000: how long the idle task runs)

local IDLE, WORKER, HANDLER_A, HANDLER_B, DEVICE_A, DEVICE_B = 1, 2, 3, 4, 5, 6
local KIND_DEVICE, KIND_WORK = 0, 1

local Packet = {}
Packet.__index = Packet

function Packet.new(link, dest, kind)
  return setmetatable({ link = link, dest = dest, kind = kind, datum = 1,
                        data = { 0, 0, 0, 0 } }, Packet)
end

function Packet:append_to(queue)
  self.link = nil
  if queue == nil then
    return self
  end
  local p = queue
  while p.link do
    p = p.link
  end
  p.link = self
  return queue
end

local Task = {}
Task.__index = Task

function Task.new(sched, id, priority, queue, body, state)
  local t = setmetatable({ id = id, priority = priority, queue = queue, body = body,
                           state = state, waiting = false, held = false,
                           pending = queue ~= nil, link = sched.list }, Task)
  sched.list = t
  sched.tasks[id] = t
  return t
end

function Task:blocked()
  return self.held or (self.waiting and not self.pending)
end

function Task:take(packet, current)
  if self.queue == nil then
    self.queue = packet
    self.pending = true
    if self.priority > current.priority then
      return self
    end
  else
    self.queue = packet:append_to(self.queue)
  end
  return current
end

function Task:run(sched)
  local packet
  if self.waiting and self.pending then
    packet = self.queue
    self.queue = packet.link
    self.pending = self.queue ~= nil
    self.waiting = false
  end
  return self.body(sched, self, packet)
end

local Scheduler = {}
Scheduler.__index = Scheduler

function Scheduler.new()
  return setmetatable({ list = nil, tasks = {}, current = nil, sent = 0, holds = 0 }, Scheduler)
end

function Scheduler:run()
  local task = self.list
  while task do
    if task:blocked() then
      task = task.link
    else
      self.current = task
      task = task:run(self)
    end
  end
end

function Scheduler:wait()
  self.current.waiting = true
  return self.current
end

function Scheduler:hold()
  self.holds = self.holds + 1
  self.current.held = true
  return self.current.link
end

function Scheduler:release(id)
  local t = self.tasks[id]
  t.held = false
  if t.priority > self.current.priority then
    return t
  end
  return self.current
end

function Scheduler:send(packet)
  local t = self.tasks[packet.dest]
  self.sent = self.sent + 1
  packet.link = nil
  packet.dest = self.current.id
  return t:take(packet, self.current)
end

local function idle_body(sched, task)
  local s = task.state
  s.count = s.count - 1
  if s.count == 0 then
    return sched:hold()
  end
  if s.control % 2 == 0 then
    s.control = s.control / 2
    return sched:release(DEVICE_A)
  end
  s.control = (s.control - 1) / 2 + 26632
  return sched:release(DEVICE_B)
end

local function worker_body(sched, task, packet)
  if packet == nil then
    return sched:wait()
  end
  local s = task.state
  s.dest = (s.dest == HANDLER_A) and HANDLER_B or HANDLER_A
  packet.dest = s.dest
  packet.datum = 1
  for i = 1, 4 do
    s.letter = s.letter + 1
    if s.letter > 26 then
      s.letter = 1
    end
    packet.data[i] = s.letter
  end
  return sched:send(packet)
end

local function handler_body(sched, task, packet)
  local s = task.state
  if packet then
    if packet.kind == KIND_WORK then
      s.work = packet:append_to(s.work)
    else
      s.devices = packet:append_to(s.devices)
    end
  end
  local work = s.work
  if work then
    local i = work.datum
    if i > 4 then
      s.work = work.link
      return sched:send(work)
    end
    local dev = s.devices
    if dev then
      s.devices = dev.link
      dev.datum = work.data[i]
      work.datum = i + 1
      return sched:send(dev)
    end
  end
  return sched:wait()
end

local function device_body(sched, task, packet)
  local s = task.state
  if packet == nil then
    local p = s.pending
    if p == nil then
      return sched:wait()
    end
    s.pending = nil
    s.total = s.total + p.datum
    return sched:send(p)
  end
  s.pending = packet
  return sched:hold()
end

local function simulate(count)
  local sched = Scheduler.new()
  Task.new(sched, IDLE, 0, nil, idle_body, { control = 1, count = count })
  local q = Packet.new(nil, 0, KIND_WORK)
  q = Packet.new(q, 0, KIND_WORK)
  Task.new(sched, WORKER, 1000, q, worker_body, { dest = HANDLER_A, letter = 0 })
  q = Packet.new(nil, DEVICE_A, KIND_DEVICE)
  q = Packet.new(q, DEVICE_A, KIND_DEVICE)
  q = Packet.new(q, DEVICE_A, KIND_DEVICE)
  Task.new(sched, HANDLER_A, 2000, q, handler_body, {})
  q = Packet.new(nil, DEVICE_B, KIND_DEVICE)
  q = Packet.new(q, DEVICE_B, KIND_DEVICE)
  q = Packet.new(q, DEVICE_B, KIND_DEVICE)
  Task.new(sched, HANDLER_B, 3000, q, handler_body, {})
  local dev_a = Task.new(sched, DEVICE_A, 4000, nil, device_body, { total = 0 })
  local dev_b = Task.new(sched, DEVICE_B, 5000, nil, device_body, { total = 0 })
  for _, t in ipairs(sched.tasks) do
    t.waiting = t.id ~= IDLE
  end
  sched.tasks[IDLE].waiting = false
  sched:run()
  return sched.sent, sched.holds, dev_a.state.total + dev_b.state.total
end

local count = tonumber(arg and arg[1]) or 20000
local sent, holds, total = simulate(count)
print("richards", count, "packets", sent, "holds", holds, "data", total)
