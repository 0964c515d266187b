x = a << b
