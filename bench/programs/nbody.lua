-- N-body: a star and eight planets on generated near-circular orbits,
-- integrated with a simple symplectic Euler step. Field access on small
-- tables and floating-point arithmetic. Prints the energy before and after.
-- usage: nbody.lua [STEPS]   (default 20000)

local seed = 12345

local function random()
  seed = (seed * 16807) % 2147483647
  return seed / 2147483647
end

local function make_system(count)
  local star = { x = 0, y = 0, z = 0, vx = 0, vy = 0, vz = 0, mass = 40.0 }
  local bodies = { star }
  for i = 1, count do
    local r = i + random()
    local speed = math.sqrt(star.mass / r)
    local mass = 0.001 + 0.01 * random()
    bodies[#bodies + 1] = {
      x = r, y = 0.1 * (random() - 0.5), z = 0.1 * (random() - 0.5),
      vx = 0.01 * (random() - 0.5), vy = speed, vz = 0.01 * (random() - 0.5),
      mass = mass,
    }
  end
  local px, py, pz = 0, 0, 0
  for i = 2, #bodies do
    local b = bodies[i]
    px, py, pz = px + b.vx * b.mass, py + b.vy * b.mass, pz + b.vz * b.mass
  end
  star.vx, star.vy, star.vz = -px / star.mass, -py / star.mass, -pz / star.mass
  return bodies
end

local function advance(bodies, n, dt)
  for i = 1, n do
    local a = bodies[i]
    local ax, ay, az, am = a.x, a.y, a.z, a.mass
    for j = i + 1, n do
      local b = bodies[j]
      local dx, dy, dz = ax - b.x, ay - b.y, az - b.z
      local d2 = dx * dx + dy * dy + dz * dz
      local mag = dt / (d2 * math.sqrt(d2))
      local bm = b.mass * mag
      a.vx, a.vy, a.vz = a.vx - dx * bm, a.vy - dy * bm, a.vz - dz * bm
      am = a.mass * mag
      b.vx, b.vy, b.vz = b.vx + dx * am, b.vy + dy * am, b.vz + dz * am
    end
  end
  for i = 1, n do
    local b = bodies[i]
    b.x, b.y, b.z = b.x + dt * b.vx, b.y + dt * b.vy, b.z + dt * b.vz
  end
end

local function energy(bodies, n)
  local e = 0
  for i = 1, n do
    local a = bodies[i]
    e = e + 0.5 * a.mass * (a.vx * a.vx + a.vy * a.vy + a.vz * a.vz)
    for j = i + 1, n do
      local b = bodies[j]
      local dx, dy, dz = a.x - b.x, a.y - b.y, a.z - b.z
      e = e - a.mass * b.mass / math.sqrt(dx * dx + dy * dy + dz * dz)
    end
  end
  return e
end

local steps = tonumber(arg and arg[1]) or 20000
local bodies = make_system(8)
local n = #bodies
print(string.format("%.9f", energy(bodies, n)))
for _ = 1, steps do
  advance(bodies, n, 0.001)
end
print(string.format("%.9f", energy(bodies, n)))
