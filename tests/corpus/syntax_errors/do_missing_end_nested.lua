do
  do
    x = 1
  end
