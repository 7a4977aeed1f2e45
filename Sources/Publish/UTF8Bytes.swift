extension String {
    /// Calls `body` with the string's UTF-8 bytes, read in place when they lie in one buffer (as a native string's
    /// always do): `withUTF8` is mutating, so a caller copies the string for it, a retain and a release each call.
    @inline(__always)
    func withUTF8Bytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        if let result = try utf8.withContiguousStorageIfAvailable(body) { return result }
        var copy = self
        return try copy.withUTF8(body)
    }
}
