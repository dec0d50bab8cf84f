/// The 64-bit FNV-1a hash, the checksum of the reference files (`fnv1a64` in
/// `tools/make_reference.py` computes the same):
/// ```
/// h ← 0xcbf29ce484222325
/// for each byte b:  h ← (h ⊕ b) · 0x100000001b3  mod 2⁶⁴
/// ```
/// Every step is a bijection of h, so any change confined to one byte changes the hash; it is a
/// guard against damaged files, not against deliberate forgery.
enum FNV1a {
    static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
    static let prime: UInt64 = 0x0000_0100_0000_01b3

    /// (A concrete buffer, not a generic sequence: an unspecialized generic loop took 40 ns a byte.)
    static func hash64(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        bytes.withUnsafeBufferPointer { buffer in
            var h = offsetBasis
            for byte in buffer { h = (h ^ UInt64(byte)) &* prime }
            return h
        }
    }
}
