x = "global"

def read_global():
    return x

def shadow():
    x = "local"
    return x

def counter():
    count = 0
    def increment():
        nonlocal count
        count += 1
        return count
    return increment

def set_global():
    global x
    x = "changed"

inc = counter()
print(read_global(), shadow(), inc(), inc(), inc())
set_global()
print(x)

def make_adders():
    return [lambda y, i=i: y + i for i in range(3)]

print([f(10) for f in make_adders()])

def late_binding():
    fs = [lambda: i for i in range(3)]
    return [f() for f in fs]

print(late_binding())

def outer():
    v = 1
    def middle():
        def inner():
            return v * 10
        return inner()
    v = 2
    return middle()

print(outer())

class K:
    attr = 5
    doubled = [attr * 2 for _ in range(2)] if False else None
    def method(self):
        return K.attr

print(K().method(), K.doubled)
i = 100
squares = [i * i for i in range(4)]
print(squares, i)
total = 0
for n in range(5):
    total += n
print(total, n)
print((lambda *a, **k: (a, k))(1, 2, z=3))
