def outer(x):
    return middle(x) + 1

def middle(x):
    return inner(x)

def inner(x):
    return x / 0

print("start")
outer(5)
