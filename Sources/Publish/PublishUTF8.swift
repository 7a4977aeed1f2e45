import Ingest

/// UTF-8 validation for what a build reads back (cache entries, the manifest): ASCII is passed over eight bytes at a
/// time, and only the runs of other bytes are checked, by the standard library.
///
/// Valid UTF-8 is ASCII bytes and sequences of bytes from 0x80 up, none of which holds an ASCII byte: bytes are
/// valid exactly when each longest run of bytes from 0x80 up is valid on its own.
enum PublishUTF8 {
    /// Whether `bytes` are valid UTF-8, as `UTF8Span(validating:)` answers for them whole.
    static func isValid(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let count = bytes.count
        var index = 0
        while index < count {
            if index + 8 <= count, ASCIIWord.load(base, at: index) & 0x8080_8080_8080_8080 == 0 {
                index += 8
                continue
            }
            if base[index] < 0x80 {
                index += 1
                continue
            }
            var end = index + 1
            while end < count, base[end] >= 0x80 { end += 1 }
            guard isValidRun(UnsafeBufferPointer(rebasing: bytes[index..<end])) else { return false }
            index = end
        }
        return true
    }

    /// Whether `bytes` are valid UTF-8, [UInt8] form.
    static func isValid(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { isValid($0) }
    }

    /// The standard library's answer for a run of bytes.
    private static func isValidRun(_ run: UnsafeBufferPointer<UInt8>) -> Bool {
        (try? UTF8Span(validating: run.span)) != nil
    }
}
