local f = ...
local a = (f)()
local b = (f)(1)
local c = ("x"):rep(3)
local d = ({1})[1]
;(f)()
;(f or print)(1)
return a, b, c, d
