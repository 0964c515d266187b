local function f() goto x end ::x::
