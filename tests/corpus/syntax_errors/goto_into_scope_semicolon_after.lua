goto x; local y; ::x:: ;
