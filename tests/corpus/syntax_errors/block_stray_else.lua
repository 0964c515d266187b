do else end
