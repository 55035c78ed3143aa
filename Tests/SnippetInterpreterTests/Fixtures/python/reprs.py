print(repr("plain"), repr("it's"), repr('say "hi"'), repr("both ' and \""), repr("tab\tnew\nline\\"), repr("\x00\x7f"))
print([1, "a", 2.0, None, True], (1,), (), (1, 2), {"a": 1, 2: [3]}, set(), {1}, frozenset({2}))
print(0.1, 0.2 + 0.1, 1.0, -0.0, 100.0, 1e15, 1e16, 1.5e-4, 1.5e-5, 123456789.123456789, 2.0 ** 60, 1 / 3, 2 / 3)
print(float("inf"), float("-inf"), float("nan"), 1e300 * 1e10, 5e-324, 1.7976931348623157e308)
print(str(3.0), str(-2.5), repr(0.3), 7 / 2, 7 // 2, -7 // 2, 7 % 3, -7 % 3, 7 % -3, 7.5 % 2, -7.5 % 2, 2 ** 10, 2 ** -1, (-2) ** 3)
print(int(3.99), int(-3.99), int("  42 "), int("ff", 16), int("0b101", 0), int("1_000"), float(" 2.5 "), float("1e3"), int(True))
print(round(2.5), round(3.5), round(-2.5), round(2.675, 2), round(1.25, 1), round(1234.5678, -2), round(7, -1), round(15, -1), round(0.5), round(1.5))
print(abs(-3), abs(-2.5), divmod(7, 2), divmod(-7, 2), divmod(7.5, 2), pow(2, 10), pow(2, 10, 1000), pow(2.0, 0.5))
print(hex(255), bin(10), oct(8), hex(-1), ord("A"), chr(97), bool(0), bool([]), bool("x"), str(None), len("héllo"))
print(type(1), type(1.0), type("s"), type([]), type(()), type({}), type(set()), type(None), type(True), type(len), type(range(1)))
print(range(5), range(1, 10, 2), list(range(5, 0, -2)), slice(None, 3))
class Foo:
    pass
def func():
    pass
print(type(Foo()).__name__, Foo, func.__name__, len, print)
d = {"b": 1, "a": 2}
d["c"] = 3
del d["b"]
d["b"] = 4
print(d, list(d), list(d.keys()), list(d.values()), list(d.items()), d.keys(), d.items())
print(True + True, True * 3, 1 == 1.0, 1 is 1, "a" * 3, [0] * 3, (1, 2) * 2, 3 * "ab")
print(10 / 4, 10 // 4, 10.0 // 4, -10 / 4, 2 ** 62, 9007199254740993, 0.1 * 3, 1e-10, 123e-20)
print(1 < 2 < 3, 1 < 3 < 2, (1, 2) < (1, 3), [1, 2] == [1, 2], "abc" < "abd", "B" < "a", None is None, [] is not [])
print(1 and 2, 0 and 2, 1 or 2, 0 or "", not 0, None or "default", [] or [1])
print(5 & 3, 5 | 3, 5 ^ 3, ~5, 1 << 10, 1024 >> 3, -17 >> 2)
print(hash(1), hash(-1), hash(1.5), hash((1, 2)), hash(2 ** 61), hash(True), hash(0.0), hash(-2.25))
print(repr(1e-4), repr(1e-5), 1e22, 12345678901234567.0, 0.1 + 0.7, 3 * 1.1, 4.35 * 100)
