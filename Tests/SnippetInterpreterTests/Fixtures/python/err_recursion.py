def g(n):
    return g(n+1)
g(0)
