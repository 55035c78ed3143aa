print("before")
value = 10
print(valu)
