repeat goto x local y ::x:: ::z:: until y
