import COpenSSLCrypto
import Foundation

/// SHA-256, through OpenSSL's libcrypto (Debian's libssl-dev): the names of content-hashed files.
public enum Digest {
    /// The SHA-256 of `data`, as 64 lowercase hex digits.
    public static func sha256(_ data: Data) -> String {
        var digest = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        let done = data.withUnsafeBytes { bytes in EVP_Digest(bytes.baseAddress, bytes.count, &digest, &length, EVP_sha256(), nil) }
        precondition(done == 1, "OpenSSL's SHA-256 failed")
        return digest.prefix(Int(length)).map { String(format: "%02x", $0) }.joined()
    }
}
