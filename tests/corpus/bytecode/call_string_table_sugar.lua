f "hello"
f 'single'
f [[long]]
f {1, 2, 3}
f {}
local x = f"x" "y" {z = 1}
obj:m "s"
obj:m {1}
return x
