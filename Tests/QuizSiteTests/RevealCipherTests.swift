import Testing
@testable import QuizSite

@Suite struct RevealCipherTests {
    @Test(arguments: [([UInt8](), ""), (Array("f".utf8), "Zg=="), (Array("fo".utf8), "Zm8="),
                      (Array("foo".utf8), "Zm9v"), (Array("foobar".utf8), "Zm9vYmFy")])
    func base64MatchesRFC4648(bytes: [UInt8], expected: String) {
        #expect(RevealCipher.base64(bytes) == expected)
    }

    /// Python: `base64.b64encode(bytes(b ^ k[i % 32] for i, b in enumerate(b"tensor([3, 5, 7])\n")))`
    /// with `k = hashlib.sha256(b"s\nq\nreveal").digest()`.
    @Test func sealsWithTheSaltedKeyStream() {
        #expect(RevealCipher.seal("tensor([3, 5, 7])\n", salt: "s", challengeID: "q") == "G0ZjTdXBEzqeCcCzi5rMiUID")
        #expect(!RevealCipher.seal("tensor([3, 5, 7])\n", salt: "s", challengeID: "q").contains("tensor"))
    }
}
