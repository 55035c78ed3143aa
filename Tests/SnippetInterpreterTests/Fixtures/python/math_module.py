import math
from math import sqrt, pi as PI
import math as m
print(math.sqrt(16), sqrt(2), PI, m.e, math.tau, math.inf, -math.inf, math.nan)
print(math.exp(1), math.log(math.e), math.log(8, 2), math.log2(1024), math.log10(1000), math.log(100, 10))
print(math.ceil(2.1), math.floor(-2.1), math.trunc(-2.9), math.ceil(5), math.floor(3.0))
print(math.isclose(0.1 + 0.2, 0.3), math.isclose(1.0, 1.1), math.isclose(1.0, 1.05, rel_tol=0.1), math.isnan(math.nan), math.isinf(math.inf), math.isfinite(1.0))
print(math.fabs(-3), math.sin(0), math.cos(0), math.tan(0.5), math.tanh(0.5), math.atan(1), math.atan2(1, 1), math.erf(0.5))
print(math.prod([1, 2, 3, 4]), math.prod([0.5, 4]), math.fsum([0.1] * 10), sum([0.1] * 10), math.comb(5, 2), math.factorial(10), math.gcd(12, 18), math.gcd(0, 5))
print(math.pow(2, 10), math.sqrt(0.5), math.exp(-1), math.gamma(5), math.hypot(3, 4), math.degrees(math.pi), math.radians(180))
print(math.sqrt(2) ** 2, 1 / math.sqrt(3), math.log(2), math.exp(0.5) / (math.exp(0.5) + math.exp(1.5)))
scores = [2.0, 1.0, 0.1]
exps = [math.exp(s) for s in scores]
total = sum(exps)
print([round(e / total, 4) for e in exps], [f"{e / total:.4f}" for e in exps])
print(math.sqrt(64) / math.sqrt(8), 1 / math.sqrt(64))
