# walrus, chained ops, ternaries, global counters, while/else, nested functions, decorators
def log_calls(fn):
    def wrapper(*args, **kwargs):
        print(f"calling {fn.__name__} with {args} {kwargs}")
        return fn(*args, **kwargs)
    return wrapper

@log_calls
def add(a, b=2, *, scale=1):
    return (a + b) * scale

print(add(1), add(1, 3, scale=10))

def kwonly(a, *rest, sep="-", **opts):
    return sep.join(str(x) for x in (a,) + rest), sorted(opts.items())

print(kwonly(1, 2, 3, sep="+", z=1, y=2))
data = [5, 3, 8]
if (n := len(data)) > 2:
    print("long", n)
i = 0
while i < 10:
    i += 3
else:
    print("while done", i)
x = 7
print("odd" if x % 2 else "even", 0 < x <= 7, x == 7 != 8)
counter = {"hits": 0}
def hit():
    counter["hits"] += 1
for _ in range(3):
    hit()
print(counter)
pairs = [(1, "one"), (2, "two")]
for num, name in pairs:
    print(num, name, end="; ")
print()
print(*[1, 2, 3], sep=", ", end="!\n")
print()
print("a", "b", sep="")
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print([fib(k) for k in range(15)])
def gen_squares(limit):
    result = []
    k = 0
    while True:
        k += 1
        if k * k > limit:
            break
        if k % 2 == 0:
            continue
        result.append(k * k)
    return result
print(gen_squares(100))
matrix = [[1, 2], [3, 4]]
matrix[0][1] = 9
print(matrix, len(matrix), sum(map(sum, matrix)))
a = b = []
a.append(1)
print(a, b, a is b)
c = a.copy()
c.append(2)
print(a, c)
t = 1,
print(t, type(t).__name__)
del a
try:
    print(a)
except NameError as err:
    print(err)
nums = [3, 1, 2]
nums.sort()
nums.reverse()
nums.insert(0, 10)
nums.extend((7, 8))
print(nums, nums.pop(), nums.pop(0), nums.index(2), nums.count(1), nums)
s = {1, 2, 3}
s.add(4)
s.discard(1)
print(s, s | {9}, s & {2, 3, 5}, s - {2}, {1, 2} <= {1, 2, 3}, len(s))
d = dict(a=1, b=2)
d.update({"c": 3}, d=4)
print(d, d.get("z"), d.get("z", 0), d.pop("a"), d.setdefault("e", 5), d, "b" in d, len(d))
print(sorted(d.items(), key=lambda kv: -kv[1]))
print(isinstance(3, (str, int)), isinstance(True, int), type(3) is int, type(True) is bool)
print(int, float, str, list, dict, tuple, set, bool, type)
lst = list(range(3))
for idx, value in enumerate(lst):
    lst[idx] = value * 10
print(lst, list(zip(*[(1, 2), (3, 4)])))
text = "the quick brown fox"
words = text.split()
print(max(words, key=len), {w: len(w) for w in words}, " ".join(w.capitalize() for w in words))
print(round(sum([0.1] * 3), 10), 0.1 * 3 == 0.3, abs(0.1 * 3 - 0.3) < 1e-9)
print(divmod(17, 5), 17 // 5, 17 % 5, -17 // 5, -17 % 5, 2 ** 3 ** 2, (2 ** 3) ** 2, -2 ** 2)
print(str(1e100), 1e100 == 10 ** 100 if False else "skip", float(10 ** 18), int(1e18))
print(list(map(str, [1, 2])), list(map(lambda a, b: a * b, [1, 2], [3, 4])), sum([[1], [2]], []))
print(bool(None), bool(0.0), bool(" "), not [], [] == [], () == (), {} == {})
print(Ellipsis, ..., NotImplemented, type(...).__name__)
