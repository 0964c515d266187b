local i = 0
repeat i = i + 1 until i >= 10
repeat
  local j = i * 2
  i = i - 1
until j < 5
repeat until true
return i
