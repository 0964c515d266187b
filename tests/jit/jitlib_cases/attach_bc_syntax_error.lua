-- The parser sends "bc" for each function it finished, also when a syntax error
-- comes later in the chunk.
jit.attach(function(p) print("bc", require("jit.util").funcinfo(p).loc) end, "bc")
print(loadstring("local function a() end x x", "=bad"))
