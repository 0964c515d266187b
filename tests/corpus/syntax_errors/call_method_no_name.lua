local t = {}
t:
