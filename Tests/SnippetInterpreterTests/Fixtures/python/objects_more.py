class Counter:
    total = 0
    def __init__(self):
        self.total += 1          # creates an instance attribute shadowing the class one
        Counter.total += 10

a, b = Counter(), Counter()
print(a.total, b.total, Counter.total)

class Point:
    __slots__ = ()
    def __init__(self):
        pass

class P:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __eq__(self, other):
        return (self.x, self.y) == (other.x, other.y)
    def __hash__(self):
        return hash((self.x, self.y))
    def __repr__(self):
        return "P(%d, %d)" % (self.x, self.y)

d = {P(1, 2): "a"}
print(d[P(1, 2)], P(1, 2) in {P(1, 2)}, P(1, 2) == P(1, 2), P(1, 2) is P(1, 2))

class Shape:
    sides = 0
    @property
    def name(self):
        return type(self).__name__.lower()
    def describe(self):
        return f"{self.name} with {self.sides} sides"

class Triangle(Shape):
    sides = 3

class Square(Shape):
    sides = 4
    def describe(self):
        return super().describe().upper()

shapes = [Triangle(), Square()]
print([s.describe() for s in shapes], [s.name for s in shapes])
records = [("bob", 3), ("amy", 1), ("cat", 3), ("dan", 1)]
print(sorted(records, key=lambda r: r[1]), sorted(records, key=lambda r: r[1], reverse=True))
print(f"{'quoted'!r:>12}|{3.0!s}|{'x' * 3}|{[i for i in range(3)]}|{ {'k': 1}['k'] }")
print("%-8s|%8.3f|%+d|%e" % ("left", 2.5, 5, 12345.678), "%%", "%5.1f%%" % 99.5)
print(repr("a'b\"c"), repr('\\'), str(b"x"[0]) if False else "no-bytes", "tab\there")
class Node:
    def __init__(self, val, children=()):
        self.val = val
        self.children = list(children)
    def __iter__(self):
        yield_list = [self.val]
        for c in self.children:
            yield_list.extend(c)
        return iter(yield_list)
tree = Node(1, [Node(2, [Node(4)]), Node(3)])
print(list(tree), sum(tree), max(tree))
stack = []
stack.append(1); stack.append(2)
print(stack.pop(), stack, [] or None, 0 or 0.0, "" and 1)
def apply(f, *args, **kwargs):
    return f(*args, **kwargs)
print(apply(max, 3, 9, 2), apply(sorted, [3, 1], reverse=True), apply(dict, a=1))
g = {"x": 1}
def modify(d):
    d["y"] = 2
    d = {}
    d["z"] = 3
modify(g)
print(g)
print(isinstance(Square(), Shape), isinstance(Square, type), type(Square()) == Square, Square.__bases__[0].__name__)
x = 10
def f():
    print(x)
def g2():
    x = 20
    f()
g2()
print([type(v).__name__ for v in (1, 1.0, "s", None, [], {}, (), set(), True, range(1), len, f, Node)])
