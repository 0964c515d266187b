local a = "raw	tab"
local b = "raw bytes: é ü"
local c = "\1\2\3\4\5\6\7\8\9\10\11\12\13\14"
local d = "\127"
print(a, b, c, d)
