n = None
print(n + 1)
