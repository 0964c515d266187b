-- An uncaught numeric error value is printed as a message.
print("go")
error(404)
