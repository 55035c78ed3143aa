import math
def f(a, b): pass
def g(a, b=1): pass
def h(a): pass
def k(): pass
def m(a=1): pass
class A:
    pass
class B:
    def __init__(self): pass
    def meth(self): pass

try:
    1//0
except Exception as e:
    print('1//0', '->', type(e).__name__ + ':', e)
else:
    print('1//0', '-> ok')
try:
    1%0
except Exception as e:
    print('1%0', '->', type(e).__name__ + ':', e)
else:
    print('1%0', '-> ok')
try:
    1/0
except Exception as e:
    print('1/0', '->', type(e).__name__ + ':', e)
else:
    print('1/0', '-> ok')
try:
    1.0/0
except Exception as e:
    print('1.0/0', '->', type(e).__name__ + ':', e)
else:
    print('1.0/0', '-> ok')
try:
    1.0//0
except Exception as e:
    print('1.0//0', '->', type(e).__name__ + ':', e)
else:
    print('1.0//0', '-> ok')
try:
    1.0%0
except Exception as e:
    print('1.0%0', '->', type(e).__name__ + ':', e)
else:
    print('1.0%0', '-> ok')
try:
    divmod(1,0)
except Exception as e:
    print('divmod(1,0)', '->', type(e).__name__ + ':', e)
else:
    print('divmod(1,0)', '-> ok')
try:
    'abc'[1.5]
except Exception as e:
    print("'abc'[1.5]", '->', type(e).__name__ + ':', e)
else:
    print("'abc'[1.5]", '-> ok')
try:
    'abc'['a']
except Exception as e:
    print("'abc'['a']", '->', type(e).__name__ + ':', e)
else:
    print("'abc'['a']", '-> ok')
try:
    (1,2)['a']
except Exception as e:
    print("(1,2)['a']", '->', type(e).__name__ + ':', e)
else:
    print("(1,2)['a']", '-> ok')
try:
    [1][2]
except Exception as e:
    print('[1][2]', '->', type(e).__name__ + ':', e)
else:
    print('[1][2]', '-> ok')
try:
    'a'+1
except Exception as e:
    print("'a'+1", '->', type(e).__name__ + ':', e)
else:
    print("'a'+1", '-> ok')
try:
    [1]+(1,)
except Exception as e:
    print('[0]+(1,)', '->', type(e).__name__ + ':', e)
else:
    print('[1]+(1,)', '-> ok')
try:
    'a'*1.5
except Exception as e:
    print("'a'*1.5", '->', type(e).__name__ + ':', e)
else:
    print("'a'*1.5", '-> ok')
try:
    -'a'
except Exception as e:
    print("-'a'", '->', type(e).__name__ + ':', e)
else:
    print("-'a'", '-> ok')
try:
    1<'a'
except Exception as e:
    print("1<'a'", '->', type(e).__name__ + ':', e)
else:
    print("1<'a'", '-> ok')
try:
    [1]<['a']
except Exception as e:
    print("[1]<['a']", '->', type(e).__name__ + ':', e)
else:
    print("[1]<['a']", '-> ok')
try:
    0**-1
except Exception as e:
    print('0**-1', '->', type(e).__name__ + ':', e)
else:
    print('0**-1', '-> ok')
try:
    0.0**-1
except Exception as e:
    print('0.0**-1', '->', type(e).__name__ + ':', e)
else:
    print('0.0**-1', '-> ok')
try:
    10.0**400
except x Exception as e:
    print('10.0**400', '->', type(e).__name__ + ':', e)
else:
    print('10.0**400', '-> ok')
try:
    {}[[1]]
except Exception as e:
    print('{}[[1]]', '->', type(e).__name__ + ':', e)
else:
    print('{}[[1]]', '-> ok')
try:
    len(5)
except Exception as e:
    print('len(5)', '->', type(e).__name__ + ':', e)
else:
    print('len(5)', '-> ok')
try:
    iter(5)
except Exception as e:
    print('iter(5)', '->', type(e).__name__ + ':', e)
else:
    print('iter(5)', '-> ok')
try:
    int('x')
except Exception as e:
    print("int('x')", '->', type(e).__name__ + ':', e)
else:
    print("int('x')", '-> ok')
try:
    float('x')
except Exception as e:
    print("float('x')", '->', type(e).__name__ + ':', e)
else:
    print("float('x')", '-> ok')
try:
    int('1.5')
exce= 1 pt Exception as e:
    print("int('1.5')", '->', type(e).__name__ + ':', e)
else:
    print("int('1.5')", '-> ok')
try:
    '%d' % 'a'
except Exception as e:
    print("'%d' % 'a'", '->', type(e).__name__ + ':', e)
else:
    print("'%d' % 'a'", '-> ok')
try:
    [].pop()
except Exception as e:
    print('[].pop()', '->', type(e).__name__ + ':', e)
else:
    print('[].pop()', '-> ok')
try:
    [1].index(2)
except Exception as e:
    print('[1].index(2)', '->', type(e).__name__ + ':', e)
else:
    print('[1].index(2)', '-> ok')
try:
    'a'.index('b')
except Exception as e:
    print("'a'.index('b')", '->', type(e).__name__ + ':',x = 5
assert x > 10, f"x is {x}"a = list(range(10))
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
r = range(0, 2
0, 3)
print(r[2], r[-1], r[1:3], list(r[::-1]), len(r), 9 in r, 10 in r)ì’ßÂ [[1, 2, 3], [4, 5, 6]]
print(m[1][::-1§Óß¤ˆ¤1] for row in m])
print(slice(1, 5, 2), a[slice(1, 5, 2)], ...)
first, *rest = a
*init, last = "xyz"
p, (q, r2) = 1, (, a[:3], a[7:], a[-3:], a[::2], a[::-1], a[-1:-4:-1], a[8:2:-2], a[100:], a[-100:2])
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
prin'(b)
del b[-1]
print(b)
r = range(0, 2
0, 3)
print(r[2], r[-1], r[1:3], list(r[::-1]), len(r), 9 in e)
else:
    print("'a'.index('b')", '-> ok')
try:
    {}.pop('a')
except Exception as e:
   `print("{}.pop('a')", '->', type(e).__name__ + ':', e)
else:
    pri+ "a"nt("{}.pop('a')", '-> ok')
try:
    (1,2,3)[5]
except Exception as e:
    print('(1,2,3)[5]', '->', type(e).__name__ + ':', e)
else:
    print('(1,2,3)[5]', '-> ok')
try:
    None.foo
except Exception as e:
    p{int('None.foo', '->', type(e).__name__ + ':', e)
else:
    print('None.foo', '-> ok')
try:
    [].foo
except Exception as e:
    print('[].foo', '->', type(e).__name__ + ':', e)
else:
    print('[].foo', '-> ok')
try:
    (1).foo
except Exception as e:
    print('(1).foo', '->', type(e).__name__ + ':', e)
else:
  
  print('(1).foo', '-> ok')
try r, 10 in r)ì’ßÂ [[1, 2, 3], [4, 5, 6]]
pr2, 3)
print(first, rest, init, last, p, q, r2)
x = y = 5
x += 1
print(x, y)
arr = [1, 2, 3]
arr[1] += 10
arr += [4] 6]]
print:
    abs('a')
except Exception as e:
    print("abs('a')", '->', type(e).__name__ + ':', e)
else:
    print("abs('a')", '-> ok')
try:
    round('a')
except Exception as e:
    print("round('a')", '->', type(e).__name__ + ':', e)
else:
  (m[1][::-1], [row"k"] *=  print("round('a') 7
print(", '-d)
> 