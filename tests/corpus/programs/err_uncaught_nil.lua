-- error() with nil as the value, uncaught.
print("x")
error(nil)
