-- collectgarbage options and their results.
print(type(collectgarbage("count")), collectgarbage("count") > 0)
print(collectgarbage("collect"), collectgarbage())
print(collectgarbage("stop"), collectgarbage("restart"))
print(type(collectgarbage("step")))
print(collectgarbage("setpause", 150), collectgarbage("setpause", 200))
print(collectgarbage("setstepmul", 300), collectgarbage("setstepmul", 200))
print(pcall(collectgarbage, "bogus"))
print(pcall(collectgarbage, 1))
