goto a; ::a:: ::a::
