f:m.x()
