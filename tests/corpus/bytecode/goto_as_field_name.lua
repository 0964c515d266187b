local t = {}
t.goto = 1
