x = y + z
x = y - 1
x = 1 - y
x = y * z / w
x = -y
x = y % 7
