#!/usr/bin/env luajit
local a = 1
print(a)
