x = "abc\
def
print(x)
