print({3, 1, 2}, set([5, 4, 3, 2, 1]), set(range(10, 0, -1)), {100, 5, 37, 8})
print({1, 2, 3} | {9, 8}, {1, 2, 3, 4} & {4, 3, 10}, {1, 2, 3, 4} - {2}, {1, 2} ^ {2, 3}, set("aaa"))
s = set()
for v in [17, 33, 1, 49, 65, 9]:
    s.add(v)
print(s, len(s), 33 in s, 34 in s)
s.discard(33)
s.remove(1)
print(s, sorted(s), s.pop(), s)
t = {(1, 2), (0, 0), (2, 1)}
print(len(t), (0, 0) in t, {0.5, 1.5, 2.0}, {True, 1, 1.0}, {-1, -2, 0})
big = set(range(50))
print(big == set(range(49, -1, -1)), len(big), {x % 7 for x in range(30)})
print(frozenset([3, 1]), {1, 2}.union([5, 4]), {1, 2, 3}.intersection({2, 3, 4}), {5, 6}.issubset({5, 6, 7}), {1}.isdisjoint({2}))
try:
    {[1, 2]}
except TypeError as e:
    print(e)
try:
    set().pop()
except KeyError as e:
    print(repr(e))
