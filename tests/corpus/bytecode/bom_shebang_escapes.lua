#!/usr/bin/luajit
local s = "\25a\2555\u{0000000041}"
local x = 1.e5 + 0x1. + 3 ..4
return s, x
