local a = 1
do
  local a = 2
  print(a)
  do
    local a = 3
    print(a)
  end
end
print(a)
do end
do do do end end end
