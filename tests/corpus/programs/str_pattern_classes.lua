-- Character classes and their complements over all 256 bytes.
local classes = {"%a", "%c", "%d", "%l", "%p", "%s", "%u", "%w", "%x", "%A", "%D", "%S", "."}
for _, cl in ipairs(classes) do
  local count, first, last = 0, nil, nil
  for b = 0, 255 do
    if string.char(b):find("^" .. cl .. "$") then
      count = count + 1
      first = first or b
      last = b
    end
  end
  print(cl, count, first, last)
end
print(("x[y]z"):find("[%[%]]"), ("a-b"):find("[a-]", 2), ("^"):find("[%^]"), ("]"):find("[]]"))
print(("hello123"):match("[a-f]+"), ("HELLO"):match("[^A-G]+"), ("09az"):match("[0-9a]+"))
