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
    print('[1]+(1,)', '->', type(e).__name__ + ':', e)
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
except Exception as e:
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
except Exception as e:
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
    print("'a'.index('b')", '->', type(e).__name__ + ':', e)
else:
    print("'a'.index('b')", '-> ok')
try:
    {}.pop('a')
except Exception as e:
    print("{}.pop('a')", '->', type(e).__name__ + ':', e)
else:
    print("{}.pop('a')", '-> ok')
try:
    (1,2,3)[5]
except Exception as e:
    print('(1,2,3)[5]', '->', type(e).__name__ + ':', e)
else:
    print('(1,2,3)[5]', '-> ok')
try:
    None.foo
except Exception as e:
    print('None.foo', '->', type(e).__name__ + ':', e)
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
try:
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
    print("round('a')", '-> ok')
try:
    sum(['a'])
except Exception as e:
    print("sum(['a'])", '->', type(e).__name__ + ':', e)
else:
    print("sum(['a'])", '-> ok')
try:
    max([])
except Exception as e:
    print('max([])', '->', type(e).__name__ + ':', e)
else:
    print('max([])', '-> ok')
try:
    min(1)
except Exception as e:
    print('min(1)', '->', type(e).__name__ + ':', e)
else:
    print('min(1)', '-> ok')
try:
    list(1)
except Exception as e:
    print('list(1)', '->', type(e).__name__ + ':', e)
else:
    print('list(1)', '-> ok')
try:
    chr(-1)
except Exception as e:
    print('chr(-1)', '->', type(e).__name__ + ':', e)
else:
    print('chr(-1)', '-> ok')
try:
    ord('ab')
except Exception as e:
    print("ord('ab')", '->', type(e).__name__ + ':', e)
else:
    print("ord('ab')", '-> ok')
try:
    '{:d}'.format(1.5)
except Exception as e:
    print("'{:d}'.format(1.5)", '->', type(e).__name__ + ':', e)
else:
    print("'{:d}'.format(1.5)", '-> ok')
try:
    '{:s}'.format(1)
except Exception as e:
    print("'{:s}'.format(1)", '->', type(e).__name__ + ':', e)
else:
    print("'{:s}'.format(1)", '-> ok')
try:
    format(1, 'x.2')
except Exception as e:
    print("format(1, 'x.2')", '->', type(e).__name__ + ':', e)
else:
    print("format(1, 'x.2')", '-> ok')
try:
    'a'.foo
except Exception as e:
    print("'a'.foo", '->', type(e).__name__ + ':', e)
else:
    print("'a'.foo", '-> ok')
try:
    int(None)
except Exception as e:
    print('int(None)', '->', type(e).__name__ + ':', e)
else:
    print('int(None)', '-> ok')
try:
    {1:2}[3]
except Exception as e:
    print('{1:2}[3]', '->', type(e).__name__ + ':', e)
else:
    print('{1:2}[3]', '-> ok')
try:
    set().pop()
except Exception as e:
    print('set().pop()', '->', type(e).__name__ + ':', e)
else:
    print('set().pop()', '-> ok')
try:
    [].remove(1)
except Exception as e:
    print('[].remove(1)', '->', type(e).__name__ + ':', e)
else:
    print('[].remove(1)', '-> ok')
try:
    sorted([1,'a'])
except Exception as e:
    print("sorted([1,'a'])", '->', type(e).__name__ + ':', e)
else:
    print("sorted([1,'a'])", '-> ok')
try:
    next(iter([]))
except Exception as e:
    print('next(iter([]))', '->', type(e).__name__ + ':', e)
else:
    print('next(iter([]))', '-> ok')
try:
    range(1.5)
except Exception as e:
    print('range(1.5)', '->', type(e).__name__ + ':', e)
else:
    print('range(1.5)', '-> ok')
try:
    'abc'.split('')
except Exception as e:
    print("'abc'.split('')", '->', type(e).__name__ + ':', e)
else:
    print("'abc'.split('')", '-> ok')
try:
    1 in 1
except Exception as e:
    print('1 in 1', '->', type(e).__name__ + ':', e)
else:
    print('1 in 1', '-> ok')
try:
    'a' in 1
except Exception as e:
    print("'a' in 1", '->', type(e).__name__ + ':', e)
else:
    print("'a' in 1", '-> ok')
try:
    1 in 'a'
except Exception as e:
    print("1 in 'a'", '->', type(e).__name__ + ':', e)
else:
    print("1 in 'a'", '-> ok')
try:
    math.sqrt(-1)
except Exception as e:
    print('math.sqrt(-1)', '->', type(e).__name__ + ':', e)
else:
    print('math.sqrt(-1)', '-> ok')
try:
    math.log(0)
except Exception as e:
    print('math.log(0)', '->', type(e).__name__ + ':', e)
else:
    print('math.log(0)', '-> ok')
try:
    math.factorial(-1)
except Exception as e:
    print('math.factorial(-1)', '->', type(e).__name__ + ':', e)
else:
    print('math.factorial(-1)', '-> ok')
try:
    int(float('inf'))
except Exception as e:
    print("int(float('inf'))", '->', type(e).__name__ + ':', e)
else:
    print("int(float('inf'))", '-> ok')
try:
    int(float('nan'))
except Exception as e:
    print("int(float('nan'))", '->', type(e).__name__ + ':', e)
else:
    print("int(float('nan'))", '-> ok')
try:
    hash([])
except Exception as e:
    print('hash([])', '->', type(e).__name__ + ':', e)
else:
    print('hash([])', '-> ok')
try:
    {[1]}
except Exception as e:
    print('{[1]}', '->', type(e).__name__ + ':', e)
else:
    print('{[1]}', '-> ok')
try:
    str.foo
except Exception as e:
    print('str.foo', '->', type(e).__name__ + ':', e)
else:
    print('str.foo', '-> ok')
try:
    object()()
except Exception as e:
    print('object()()', '->', type(e).__name__ + ':', e)
else:
    print('object()()', '-> ok')
try:
    f()
except Exception as e:
    print('f()', '->', type(e).__name__ + ':', e)
else:
    print('f()', '-> ok')
try:
    g(1,2,3)
except Exception as e:
    print('g(1,2,3)', '->', type(e).__name__ + ':', e)
else:
    print('g(1,2,3)', '-> ok')
try:
    h(1,a=2)
except Exception as e:
    print('h(1,a=2)', '->', type(e).__name__ + ':', e)
else:
    print('h(1,a=2)', '-> ok')
try:
    h(b=2)
except Exception as e:
    print('h(b=2)', '->', type(e).__name__ + ':', e)
else:
    print('h(b=2)', '-> ok')
try:
    k(1)
except Exception as e:
    print('k(1)', '->', type(e).__name__ + ':', e)
else:
    print('k(1)', '-> ok')
try:
    m(1,2)
except Exception as e:
    print('m(1,2)', '->', type(e).__name__ + ':', e)
else:
    print('m(1,2)', '-> ok')
try:
    A(1)
except Exception as e:
    print('A(1)', '->', type(e).__name__ + ':', e)
else:
    print('A(1)', '-> ok')
try:
    B(1)
except Exception as e:
    print('B(1)', '->', type(e).__name__ + ':', e)
else:
    print('B(1)', '-> ok')
try:
    B().meth(1)
except Exception as e:
    print('B().meth(1)', '->', type(e).__name__ + ':', e)
else:
    print('B().meth(1)', '-> ok')
try:
    (lambda: 1)(2)
except Exception as e:
    print('(lambda: 1)(2)', '->', type(e).__name__ + ':', e)
else:
    print('(lambda: 1)(2)', '-> ok')
try:
    'a'.join([1])
except Exception as e:
    print("'a'.join([1])", '->', type(e).__name__ + ':', e)
else:
    print("'a'.join([1])", '-> ok')
try:
    int('12', 1)
except Exception as e:
    print("int('12', 1)", '->', type(e).__name__ + ':', e)
else:
    print("int('12', 1)", '-> ok')
try:
    [1,2,3][::0]
except Exception as e:
    print('[1,2,3][::0]', '->', type(e).__name__ + ':', e)
else:
    print('[1,2,3][::0]', '-> ok')
try:
    '{}{}'.format(1)
except Exception as e:
    print("'{}{}'.format(1)", '->', type(e).__name__ + ':', e)
else:
    print("'{}{}'.format(1)", '-> ok')
try:
    '{0}{}'.format(1,2)
except Exception as e:
    print("'{0}{}'.format(1,2)", '->', type(e).__name__ + ':', e)
else:
    print("'{0}{}'.format(1,2)", '-> ok')
try:
    '{a}'.format(1)
except Exception as e:
    print("'{a}'.format(1)", '->', type(e).__name__ + ':', e)
else:
    print("'{a}'.format(1)", '-> ok')
try:
    x, y = 1
except Exception as e:
    print('x, y = 1', '->', type(e).__name__ + ':', e)
else:
    print('x, y = 1', '-> ok')
try:
    x, y = [1, 2, 3]
except Exception as e:
    print('x, y = [1, 2, 3]', '->', type(e).__name__ + ':', e)
else:
    print('x, y = [1, 2, 3]', '-> ok')
try:
    x, y = [1]
except Exception as e:
    print('x, y = [1]', '->', type(e).__name__ + ':', e)
else:
    print('x, y = [1]', '-> ok')
try:
    [1, 2].sort(reverse=1, key=2)
except Exception as e:
    print('[1, 2].sort(reverse=1, key=2)', '->', type(e).__name__ + ':', e)
else:
    print('[1, 2].sort(reverse=1, key=2)', '-> ok')
try:
    dict([1])
except Exception as e:
    print('dict([1])', '->', type(e).__name__ + ':', e)
else:
    print('dict([1])', '-> ok')
try:
    dict([(1, 2, 3)])
except Exception as e:
    print('dict([(1, 2, 3)])', '->', type(e).__name__ + ':', e)
else:
    print('dict([(1, 2, 3)])', '-> ok')
try:
    float([])
except Exception as e:
    print('float([])', '->', type(e).__name__ + ':', e)
else:
    print('float([])', '-> ok')
try:
    'x' * 'y'
except Exception as e:
    print("'x' * 'y'", '->', type(e).__name__ + ':', e)
else:
    print("'x' * 'y'", '-> ok')
try:
    [] * []
except Exception as e:
    print('[] * []', '->', type(e).__name__ + ':', e)
else:
    print('[] * []', '-> ok')
try:
    5 @ 5
except Exception as e:
    print('5 @ 5', '->', type(e).__name__ + ':', e)
else:
    print('5 @ 5', '-> ok')
try:
    ~1.5
except Exception as e:
    print('~1.5', '->', type(e).__name__ + ':', e)
else:
    print('~1.5', '-> ok')
try:
    print(sep=1)
except Exception as e:
    print('print(sep=1)', '->', type(e).__name__ + ':', e)
else:
    print('print(sep=1)', '-> ok')
try:
    getattr(1, 'nope')
except Exception as e:
    print("getattr(1, 'nope')", '->', type(e).__name__ + ':', e)
else:
    print("getattr(1, 'nope')", '-> ok')
try:
    setattr(1, 'real', 2)
except Exception as e:
    print("setattr(1, 'real', 2)", '->', type(e).__name__ + ':', e)
else:
    print("setattr(1, 'real', 2)", '-> ok')
try:
    {}.nope
except Exception as e:
    print('{}.nope', '->', type(e).__name__ + ':', e)
else:
    print('{}.nope', '-> ok')
try:
    A.nope
except Exception as e:
    print('A.nope', '->', type(e).__name__ + ':', e)
else:
    print('A.nope', '-> ok')
try:
    math.nope
except Exception as e:
    print('math.nope', '->', type(e).__name__ + ':', e)
else:
    print('math.nope', '-> ok')
try:
    (1, 2).append(3)
except Exception as e:
    print('(1, 2).append(3)', '->', type(e).__name__ + ':', e)
else:
    print('(1, 2).append(3)', '-> ok')
try:
    'abc'.upper(1)
except Exception as e:
    print("'abc'.upper(1)", '->', type(e).__name__ + ':', e)
else:
    print("'abc'.upper(1)", '-> ok')
try:
    [].append()
except Exception as e:
    print('[].append()', '->', type(e).__name__ + ':', e)
else:
    print('[].append()', '-> ok')
try:
    [].append(1, 2)
except Exception as e:
    print('[].append(1, 2)', '->', type(e).__name__ + ':', e)
else:
    print('[].append(1, 2)', '-> ok')
try:
    isinstance(1, 2)
except Exception as e:
    print('isinstance(1, 2)', '->', type(e).__name__ + ':', e)
else:
    print('isinstance(1, 2)', '-> ok')
try:
    issubclass(1, int)
except Exception as e:
    print('issubclass(1, int)', '->', type(e).__name__ + ':', e)
else:
    print('issubclass(1, int)', '-> ok')
try:
    super()
except Exception as e:
    print('super()', '->', type(e).__name__ + ':', e)
else:
    print('super()', '-> ok')
try:
    x = [1]
    x[5] = 2
except Exception as e:
    print('x = [1]; x[5] = 2', '->', type(e).__name__ + ':', e)
else:
    print('x = [1]; x[5] = 2', '-> ok')
try:
    t = (1,)
    t[0] = 2
except Exception as e:
    print('t = (1,); t[0] = 2', '->', type(e).__name__ + ':', e)
else:
    print('t = (1,); t[0] = 2', '-> ok')
try:
    s = 'a'
    s[0] = 'b'
except Exception as e:
    print("s = 'a'; s[0] = 'b'", '->', type(e).__name__ + ':', e)
else:
    print("s = 'a'; s[0] = 'b'", '-> ok')
try:
    d = {}
    del d['k']
except Exception as e:
    print("d = {}; del d['k']", '->', type(e).__name__ + ':', e)
else:
    print("d = {}; del d['k']", '-> ok')
try:
    l = [1]
    del l[3]
except Exception as e:
    print('l = [1]; del l[3]', '->', type(e).__name__ + ':', e)
else:
    print('l = [1]; del l[3]', '-> ok')
try:
    raise 5
except Exception as e:
    print('raise 5', '->', type(e).__name__ + ':', e)
else:
    print('raise 5', '-> ok')
try:
    raise TypeError('a') from 5
except Exception as e:
    print("raise TypeError('a') from 5", '->', type(e).__name__ + ':', e)
else:
    print("raise TypeError('a') from 5", '-> ok')
try:
    zip([1], [1, 2], strict=True).__next__ and list(zip([1], [1, 2], strict=True))
except Exception as e:
    print('zip([1], [1, 2], strict=True).__next__ and list(zip([1], [1, 2], strict=True))', '->', type(e).__name__ + ':', e)
else:
    print('zip([1], [1, 2], strict=True).__next__ and list(zip([1], [1, 2], strict=True))', '-> ok')
try:
    list(zip([1, 2], [1], strict=True))
except Exception as e:
    print('list(zip([1, 2], [1], strict=True))', '->', type(e).__name__ + ':', e)
else:
    print('list(zip([1, 2], [1], strict=True))', '-> ok')
try:
    enumerate(5)
except Exception as e:
    print('enumerate(5)', '->', type(e).__name__ + ':', e)
else:
    print('enumerate(5)', '-> ok')
try:
    reversed(5)
except Exception as e:
    print('reversed(5)', '->', type(e).__name__ + ':', e)
else:
    print('reversed(5)', '-> ok')
try:
    bool.x
except Exception as e:
    print('bool.x', '->', type(e).__name__ + ':', e)
else:
    print('bool.x', '-> ok')
try:
    type('x', (), {}) if False else int.from_nothing
except Exception as e:
    print("type('x', (), {}) if False else int.from_nothing", '->', type(e).__name__ + ':', e)
else:
    print("type('x', (), {}) if False else int.from_nothing", '-> ok')
try:
    A().missing_attr_typo
except Exception as e:
    print('A().missing_attr_typo', '->', type(e).__name__ + ':', e)
else:
    print('A().missing_attr_typo', '-> ok')
try:
    undefined_variable_name
except Exception as e:
    print('undefined_variable_name', '->', type(e).__name__ + ':', e)
else:
    print('undefined_variable_name', '-> ok')
try:
    math.sqrt('x')
except Exception as e:
    print("math.sqrt('x')", '->', type(e).__name__ + ':', e)
else:
    print("math.sqrt('x')", '-> ok')
try:
    math.ceil(float('inf'))
except Exception as e:
    print("math.ceil(float('inf'))", '->', type(e).__name__ + ':', e)
else:
    print("math.ceil(float('inf'))", '-> ok')
try:
    math.comb(-1, 2)
except Exception as e:
    print('math.comb(-1, 2)', '->', type(e).__name__ + ':', e)
else:
    print('math.comb(-1, 2)', '-> ok')
try:
    pow(2, -1, 5) if False else pow(2, 2, 0)
except Exception as e:
    print('pow(2, -1, 5) if False else pow(2, 2, 0)', '->', type(e).__name__ + ':', e)
else:
    print('pow(2, -1, 5) if False else pow(2, 2, 0)', '-> ok')
try:
    '%s %s' % ('a',)
except Exception as e:
    print("'%s %s' % ('a',)", '->', type(e).__name__ + ':', e)
else:
    print("'%s %s' % ('a',)", '-> ok')
try:
    '%s' % ('a', 'b')
except Exception as e:
    print("'%s' % ('a', 'b')", '->', type(e).__name__ + ':', e)
else:
    print("'%s' % ('a', 'b')", '-> ok')
try:
    '{:=^5s}'.format('a') + '{:+s}'.format('a')
except Exception as e:
    print("'{:=^5s}'.format('a') + '{:+s}'.format('a')", '->', type(e).__name__ + ':', e)
else:
    print("'{:=^5s}'.format('a') + '{:+s}'.format('a')", '-> ok')
try:
    f'{1:,s}'
except Exception as e:
    print("f'{1:,s}'", '->', type(e).__name__ + ':', e)
else:
    print("f'{1:,s}'", '-> ok')
try:
    format('a', '=5')
except Exception as e:
    print("format('a', '=5')", '->', type(e).__name__ + ':', e)
else:
    print("format('a', '=5')", '-> ok')
try:
    format(1.5, 'd')
except Exception as e:
    print("format(1.5, 'd')", '->', type(e).__name__ + ':', e)
else:
    print("format(1.5, 'd')", '-> ok')
try:
    [x for x in 5]
except Exception as e:
    print('[x for x in 5]', '->', type(e).__name__ + ':', e)
else:
    print('[x for x in 5]', '-> ok')
try:
    {**[1]}
except Exception as e:
    print('{**[1]}', '->', type(e).__name__ + ':', e)
else:
    print('{**[1]}', '-> ok')
try:
    print(*5)
except Exception as e:
    print('print(*5)', '->', type(e).__name__ + ':', e)
else:
    print('print(*5)', '-> ok')
try:
    f(**{1: 2})
except Exception as e:
    print('f(**{1: 2})', '->', type(e).__name__ + ':', e)
else:
    print('f(**{1: 2})', '-> ok')
try:
    max(1, 2, key=1)
except Exception as e:
    print('max(1, 2, key=1)', '->', type(e).__name__ + ':', e)
else:
    print('max(1, 2, key=1)', '-> ok')
try:
    max(default=1)
except Exception as e:
    print('max(default=1)', '->', type(e).__name__ + ':', e)
else:
    print('max(default=1)', '-> ok')
try:
    sum([1], start='a')
except Exception as e:
    print("sum([1], start='a')", '->', type(e).__name__ + ':', e)
else:
    print("sum([1], start='a')", '-> ok')
try:
    sorted(5)
except Exception as e:
    print('sorted(5)', '->', type(e).__name__ + ':', e)
else:
    print('sorted(5)', '-> ok')
try:
    int.nope
except Exception as e:
    print('int.nope', '->', type(e).__name__ + ':', e)
else:
    print('int.nope', '-> ok')
try:
    (1).bit_length(2)
except Exception as e:
    print('(1).bit_length(2)', '->', type(e).__name__ + ':', e)
else:
    print('(1).bit_length(2)', '-> ok')
try:
    slice(1,2,3).indices
except Exception as e:
    print('slice(1,2,3).indices', '->', type(e).__name__ + ':', e)
else:
    print('slice(1,2,3).indices', '-> ok')
