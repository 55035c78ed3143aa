for i in range(3):
    pass
else:
    print("else runs", i)
while False:
    pass
else:
    print("while else")
for i in range(3):
    if i == 1:
        break
else:
    print("not printed")
print(sorted([3, "a"]))
