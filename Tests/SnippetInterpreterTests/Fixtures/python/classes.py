class Animal:
    kind = "animal"
    count = 0

    def __init__(self, name):
        self.name = name
        Animal.count += 1

    def speak(self):
        return f"{self.name} makes a sound"

    def __repr__(self):
        return f"{type(self).__name__}({self.name!r})"

class Dog(Animal):
    kind = "dog"

    def __init__(self, name, tricks=None):
        super().__init__(name)
        self.tricks = tricks or []

    def speak(self):
        base = super().speak()
        return base + " (woof)"

d = Dog("Rex", ["sit"])
a = Animal("Generic")
print(d.speak())
print(a.speak())
print(d, a, [d, a])
print(Animal.count, d.kind, a.kind, isinstance(d, Animal), issubclass(Dog, Animal), isinstance(a, Dog))
print(Dog.__name__, Dog.__mro__)

class Vector:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __add__(self, other):
        return Vector(self.x + other.x, self.y + other.y)
    def __mul__(self, k):
        return Vector(self.x * k, self.y * k)
    def __rmul__(self, k):
        return self * k
    def __eq__(self, other):
        return isinstance(other, Vector) and (self.x, self.y) == (other.x, other.y)
    def __lt__(self, other):
        return (self.x, self.y) < (other.x, other.y)
    def __len__(self):
        return 2
    def __getitem__(self, i):
        return (self.x, self.y)[i]
    def __iter__(self):
        return iter([self.x, self.y])
    def __contains__(self, v):
        return v in (self.x, self.y)
    def __str__(self):
        return f"<{self.x}, {self.y}>"
    def __repr__(self):
        return f"Vector({self.x}, {self.y})"
    def __neg__(self):
        return Vector(-self.x, -self.y)
    def __bool__(self):
        return bool(self.x or self.y)

v = Vector(1, 2) + Vector(3, 4)
print(v, repr(v), 2 * v, v * 3, -v, len(v), v[0], list(v), 3 in v, 9 in v)
print(Vector(1, 2) == Vector(1, 2), Vector(1, 2) != Vector(1, 3), sorted([Vector(2, 1), Vector(1, 5)]))
print(bool(Vector(0, 0)), bool(v), max(Vector(1, 1), Vector(0, 9)))
x, y = v
print(x, y)

class Temperature:
    def __init__(self):
        self._c = 0.0
    @property
    def celsius(self):
        return self._c
    @celsius.setter
    def celsius(self, value):
        if value < -273.15:
            raise ValueError("below absolute zero")
        self._c = value
    @property
    def fahrenheit(self):
        return self._c * 9 / 5 + 32
    @staticmethod
    def unit():
        return "C"
    @classmethod
    def create(cls, c):
        t = cls()
        t.celsius = c
        return t

t = Temperature.create(25)
print(t.celsius, t.fahrenheit, Temperature.unit(), t.unit())
try:
    t.celsius = -300
except ValueError as e:
    print("error:", e)

class Recorder:
    def __init__(self):
        object.__setattr__(self, "log", [])
    def __setattr__(self, name, value):
        self.log.append(name)
        object.__setattr__(self, name, value)
    def __getattr__(self, name):
        return f"missing:{name}"

r = Recorder()
r.a = 1
r.b = 2
print(r.log, r.a, r.zzz, hasattr(r, "anything"))

class Callable:
    def __call__(self, x):
        return x * 2

class Ctx:
    def __enter__(self):
        print("enter")
        return self
    def __exit__(self, exc_type, exc, tb):
        print("exit", exc_type.__name__ if exc_type else None)
        return True

print(Callable()(21), callable(Callable()), callable(5))
with Ctx() as c:
    print("inside", type(c).__name__)
    raise KeyError("swallowed")
print("after")

class Base:
    def __init__(self, *args, **kwargs):
        self.args = args
        self.kwargs = kwargs

class Child(Base):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)

c = Child(1, 2, k="v")
print(c.args, c.kwargs)

class A:
    def who(self): return "A"
class B(A):
    def who(self): return "B" + super().who()
class C(A):
    def who(self): return "C" + super().who()
class D(B, C):
    def who(self): return "D" + super().who()
print(D().who(), [k.__name__ for k in D.__mro__])
class Plain:
    pass
p = Plain()
p.x = 1
print(p.x, type(p).__name__, Plain.__qualname__)
