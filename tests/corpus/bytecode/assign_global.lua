x = 1
y = "hello"
z = x
w = nil
v = true
u = x + y
