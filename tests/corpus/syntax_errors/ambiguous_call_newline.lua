local a = f
(g)()
