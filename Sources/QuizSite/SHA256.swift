import Crypto

/// SHA-256 (FIPS 180-4) as QuizSite uses it: answer keys, content hashes and the reveal cipher's key stream. swift-crypto
/// computes it (BoringSSL's assembly, SHA extensions where the CPU has them: ~7× the plain-Swift version this replaced,
/// whose content hashes were a tenth of rendering). The page's JavaScript fallback implements the same function.
public enum SHA256 {
    /// The 32-byte digest of `bytes`.
    public static func digest(_ bytes: [UInt8]) -> [UInt8] {
        Array(Crypto.SHA256.hash(data: bytes))
    }

    /// The 32-byte digest of `bytes`.
    static func digest(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        Array(Crypto.SHA256.hash(data: UnsafeRawBufferPointer(bytes)))
    }

    /// Lower-case hex digest of the UTF-8 bytes of `text`.
    public static func hex(_ text: String) -> String {
        var text = text
        return text.withUTF8 { hex(digest($0)) }
    }

    /// Lower-case hex digest of `bytes`.
    public static func hex(bytes: [UInt8]) -> String {
        hex(digest(bytes))
    }

    private static func hex(_ digest: [UInt8]) -> String {
        String(unsafeUninitializedCapacity: digest.count * 2) { buffer in
            let digits: StaticString = "0123456789abcdef"
            digits.withUTF8Buffer { digits in
                for (index, byte) in digest.enumerated() {
                    buffer[index * 2] = digits[Int(byte >> 4)]
                    buffer[index * 2 + 1] = digits[Int(byte & 0xF)]
                }
            }
            return digest.count * 2
        }
    }
}
