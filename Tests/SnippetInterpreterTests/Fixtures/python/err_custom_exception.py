class ShapeError(ValueError):
    pass

def check(n):
    if n != 3:
        raise ShapeError(f"expected 3, got {n}")

check(3)
check(4)
