import Testing
@testable import QuizSite

@Suite struct SHA256Tests {
    /// FIPS 180-4 examples and digests printed by Python's hashlib.
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
         "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
        (String(repeating: "a", count: 1000), "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3"),
        ("ñ€😀", "b74adbb8e14636ba5435fa680b48b2c2aa86610a97a7eab8a6ee2918d8136a15"),
    ])
    func knownDigests(input: String, expected: String) {
        #expect(SHA256.hex(input) == expected)
    }

    @Test func digestIsThirtyTwoBytes() {
        #expect(SHA256.digest(Array("abc".utf8)).count == 32)
    }
}
