local s = 'abcdef'
