do
  goto a
  do
    ::b::
    print("b")
    goto c
  end
  ::a::
  print("a")
  do goto b end
end
::c::
