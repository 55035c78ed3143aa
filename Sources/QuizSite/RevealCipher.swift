/// Keeps computed outputs (which give the answer away) out of the page's plain text until the question is over.
/// Obfuscation, not secrecy: the key stream is derived from the salt that the page also carries.
enum RevealCipher {
    /// Base64 of the UTF-8 bytes XORed with the repeated `sha256(salt + "\n" + id + "\nreveal")`.
    static func seal(_ text: String, salt: String, challengeID: String) -> String {
        let stream = SHA256.digest(Array((salt + "\n" + challengeID + "\nreveal").utf8))
        var bytes = Array(text.utf8)
        stream.withUnsafeBufferPointer { stream in
            bytes.withUnsafeMutableBufferPointer { bytes in
                // The digest is 32 bytes: a mask, not a division, picks the key byte.
                for index in bytes.indices { bytes[index] ^= stream[index & 31] }
            }
        }
        return base64(bytes)
    }

    /// Standard Base64 with `=` padding.
    static func base64(_ bytes: [UInt8]) -> String {
        let alphabet: StaticString = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
        let length = (bytes.count + 2) / 3 * 4
        return String(unsafeUninitializedCapacity: length) { out in
            alphabet.withUTF8Buffer { alphabet in
                var written = 0
                for start in stride(from: 0, to: bytes.count, by: 3) {
                    let count = min(3, bytes.count - start)
                    let n = UInt32(bytes[start]) << 16 | UInt32(count > 1 ? bytes[start + 1] : 0) << 8
                        | UInt32(count > 2 ? bytes[start + 2] : 0)
                    for i in 0..<4 {
                        out[written + i] = i <= count ? alphabet[Int((n >> UInt32(18 - 6 * i)) & 63)] : 0x3D
                    }
                    written += 4
                }
            }
            return length
        }
    }
}
