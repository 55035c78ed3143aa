/// Keeps computed outputs (which give the answer away) out of the page's plain text until the question is over.
/// Obfuscation, not secrecy: the key stream is derived from the salt that the page also carries.
enum RevealCipher {
    /// Base64 of the UTF-8 bytes XORed with the repeated `sha256(salt + "\n" + id + "\nreveal")`.
    static func seal(_ text: String, salt: String, challengeID: String) -> String {
        let stream = SHA256.digest(Array((salt + "\n" + challengeID + "\nreveal").utf8))
        let bytes = Array(text.utf8).enumerated().map { $0.element ^ stream[$0.offset % stream.count] }
        return base64(bytes)
    }

    static func base64(_ bytes: [UInt8]) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")
        var out = ""
        for start in stride(from: 0, to: bytes.count, by: 3) {
            let chunk = Array(bytes[start..<min(start + 3, bytes.count)]) + [0, 0]
            let n = UInt32(chunk[0]) << 16 | UInt32(chunk[1]) << 8 | UInt32(chunk[2])
            let count = min(3, bytes.count - start)
            for i in 0..<4 {
                out.append(i <= count ? alphabet[Int((n >> UInt32(18 - 6 * i)) & 63)] : "=")
            }
        }
        return out
    }
}
