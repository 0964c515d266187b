local i, s = 0, 1
repeat i = i + 1; s = s * 1.001 until i >= 300
print(i, s)
