s = "  Hello, World  "
print(s.strip(), s.lstrip(), s.rstrip(), "xxhixx".strip("x"), s.upper(), s.lower(), "hello world".title())
print("a,b,,c".split(","), "a b  c".split(), " a b ".split(" "), "a,b,c".split(",", 1), "a,b,c".rsplit(",", 1), "line1\nline2\n".splitlines())
print("-".join(["a", "b", "c"]), ", ".join(str(i) for i in range(3)), "abc".replace("b", "XX"), "aaa".replace("a", "b", 2))
print("hello".startswith("he"), "hello".endswith(("lo", "x")), "hello".find("l"), "hello".rfind("l"), "hello".find("z"), "hello".index("e"), "hello".count("l"))
print("ab".center(6, "*"), "ab".ljust(5, "."), "ab".rjust(5), "42".zfill(5), "-42".zfill(5), "abc".center(6))
print("123".isdigit(), "12a".isdigit(), "abc".isalpha(), "ab1".isalnum(), "  ".isspace(), "ABC".isupper(), "abc".islower())
print("key=value".partition("="), "a.b.c".rpartition("."), "prefix_name".removeprefix("prefix_"), "capital".capitalize())
print(len("hello"), "ell" in "hello", "z" not in "hello", "abc"[1], "abc"[-1], list("abc"), sorted("cba"), "ab" + "cd")
print(str(12), str(1.5), str([1, "a"]), repr("x"), "Tab:\t|", "a\\b", r"raw\n", """triple "quoted" """, 'single')
print("%s is %d years" % ("Tom", 30), "%.3f" % 3.14159, "%5s|%-5s|" % ("a", "b"), "%c%c" % (72, "i"))
text = """line one
line two"""
print(text.upper(), text.count("line"), text.split("\n"))
print("x" "y" "z", ("implicit "
      "join"))
print("\u00e9\N{DEGREE SIGN}" if False else "\u00e9", "\x41", "\101", "é".upper(), "ß".lower())
print(ord("€"), chr(8364), "abc" == "abc", "a" < "b", min("hello"), max("hello"))
word = "mississippi"
print(word.count("ss"), word.replace("ss", "SS"), word.split("s"), word.find("ss", 3), word[word.index("p"):])
