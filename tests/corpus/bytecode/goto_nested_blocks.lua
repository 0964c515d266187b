do
  goto a
  do
    ::b::
    print("b")
    goto c
  end
  ::a::
  print("a")
  do goto a end
end
::c::
