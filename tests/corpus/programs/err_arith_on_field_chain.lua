-- Error names for deep field chains, globals tables and upvalue tables.
local config = {server = {port = "8080x", hosts = {}}}
local function try(f) local ok, e = pcall(f) print(e) end
try(function() return config.server.port + 1 end)
try(function() return config.server.hosts[1].name end)
try(function() return config.server.timeout * 2 end)
try(function() return #config.server.missing end)
try(function() return -config.server.hosts end)
try(function() return config.server.hosts .. "" end)
try(function() return config.server.hosts < 1 end)
try(function() config.server.hosts.list.x = 1 end)
try(function() return config.client.port end)
try(function() return math.pi.x end)
try(function() return string.nope.x end)
