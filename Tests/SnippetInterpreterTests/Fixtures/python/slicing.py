a = list(range(10))
print(a[2:5], a[:3], a[7:], a[-3:], a[::2], a[::-1], a[-1:-4:-1], a[8:2:-2], a[100:], a[-100:2])
s = "abcdefgh"
print(s[1:4], s[::-1], s[::3], s[-2:], s[5:1:-1], s[:0], s[3])
t = (1, 2, 3, 4)
print(t[1:3], t[::-1], t[-1])
b = a[:]
b[2:4] = ["x", "y", "z"]
print(b)
b[::3] = [0, 0, 0, 0]
print(b)
del b[1:3]
print(b)
del b[-1]
print(b)
r = range(0, 20, 3)
print(r[2], r[-1], r[1:3], list(r[::-1]), len(r), 9 in r, 10 in r)
m = [[1, 2, 3], [4, 5, 6]]
print(m[1][::-1], [row[1] for row in m])
print(slice(1, 5, 2), a[slice(1, 5, 2)], ...)
first, *rest = a
*init, last = "xyz"
p, (q, r2) = 1, (2, 3)
print(first, rest, init, last, p, q, r2)
x = y = 5
x += 1
print(x, y)
arr = [1, 2, 3]
arr[1] += 10
arr += [4]
print(arr)
d = {"k": 1}
d["k"] *= 7
print(d)
