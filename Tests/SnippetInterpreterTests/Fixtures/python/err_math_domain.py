import math
print(math.sqrt(4))
math.log(-1)
