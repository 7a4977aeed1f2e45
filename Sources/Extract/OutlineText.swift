/// Whether `text` may hold a date ``DateParser`` finds: each date it reads has a number in ASCII digits, so text
/// without a digit is passed over before its tokenising.
func mayHoldDate(_ text: String) -> Bool {
    text.utf8.withContiguousStorageIfAvailable { hasDigit($0) } ?? hasDigit(text.utf8)
}

/// Whether `bytes` hold an ASCII digit.
@inline(__always)
private func hasDigit(_ bytes: some Collection<UInt8>) -> Bool {
    bytes.contains { $0 &- 0x30 < 10 }
}
