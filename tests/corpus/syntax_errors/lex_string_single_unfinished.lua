print('it''s)
