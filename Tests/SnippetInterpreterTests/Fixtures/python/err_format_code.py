v = 2 ** 62
print(v)
print(10 ** 20 if False else "skip")
print(f"{3:s}")
