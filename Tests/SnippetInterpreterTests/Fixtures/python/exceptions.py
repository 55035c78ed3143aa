def risky(n):
    if n == 0:
        raise ZeroDivisionError("custom zero")
    if n == 1:
        return {}["missing"]
    if n == 2:
        return [1, 2][5]
    if n == 3:
        raise ValueError("bad", 42)
    return 10 / n

for n in range(5):
    try:
        print(risky(n))
    except (ZeroDivisionError, KeyError) as e:
        print("caught", type(e).__name__, e, repr(e), e.args)
    except LookupError as e:
        print("lookup", type(e).__name__, e)
    except Exception as e:
        print("other", e, e.args, str(e), repr(e))
    else:
        print("no error")
    finally:
        print("finally", n)

def f():
    try:
        return "try"
    finally:
        print("cleanup runs")

print(f())

def g():
    for i in range(3):
        try:
            if i == 1:
                continue
            if i == 2:
                break
        finally:
            print("finally", i)
    return i

print(g())

class MyError(Exception):
    def __init__(self, code):
        super().__init__(f"code {code}")
        self.code = code

try:
    raise MyError(7)
except MyError as e:
    print(e, e.code, isinstance(e, Exception), repr(e))

try:
    try:
        1 / 0
    except ZeroDivisionError as e:
        raise RuntimeError("wrapped") from e
except RuntimeError as e:
    print(e, type(e.__cause__).__name__)

try:
    assert 1 + 1 == 3, "math is broken"
except AssertionError as e:
    print("assert:", e)

try:
    raise KeyError("k")
except KeyError as e:
    print(str(e), e.args)

try:
    int("abc")
except ValueError as e:
    print(e)

def nested():
    try:
        raise TypeError("inner")
    except TypeError:
        raise

try:
    nested()
except TypeError as e:
    print("reraised", e)

print(issubclass(ZeroDivisionError, ArithmeticError), issubclass(KeyError, LookupError), issubclass(RecursionError, RuntimeError))
print(issubclass(ModuleNotFoundError, ImportError), issubclass(UnboundLocalError, NameError), issubclass(NotImplementedError, RuntimeError))
try:
    undefined_thing
except NameError as e:
    print(e)
try:
    [].pop()
except IndexError as e:
    print(e)
try:
    None.foo
except AttributeError as e:
    print(e)
e = Exception()
print(repr(e), str(e) == "", repr(ValueError("a", "b")))
