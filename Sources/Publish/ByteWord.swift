/// Eight bytes of text tested at once, to skip the runs of text that hold none of a few bytes.
///
/// Each test is exact about whether some byte matches (never a match made up, never one missed); which byte it flags
/// is not reliable past the first, so a caller reads a flagged word a byte at a time.
enum ByteWord {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highs: UInt64 = 0x8080_8080_8080_8080

    /// The eight bytes at `index`, unaligned, in memory order.
    static func load(_ base: UnsafePointer<UInt8>, at index: Int) -> UInt64 {
        UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
    }

    /// Non-zero when a byte of `word` is `byte`.
    static func has(_ word: UInt64, _ byte: UInt8) -> UInt64 {
        let difference = word ^ (ones &* UInt64(byte))
        return (difference &- ones) & ~difference & highs
    }

    /// Non-zero when a byte of `word` is below `bound`, which is at most 0x80.
    static func hasBelow(_ word: UInt64, _ bound: UInt8) -> UInt64 {
        (word &- ones &* UInt64(bound)) & ~word & highs
    }
}
