::a:: ::b:: ::c::
local x = 1
::d::
goto d2
::d2::
;;;
print(x)
