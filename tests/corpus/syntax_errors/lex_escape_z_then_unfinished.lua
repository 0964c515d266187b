local s = "abc\z

   def
