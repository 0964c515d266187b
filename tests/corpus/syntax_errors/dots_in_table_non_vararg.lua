function f() return {...} end
