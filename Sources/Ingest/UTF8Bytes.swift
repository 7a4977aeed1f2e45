extension StringProtocol {
    /// Calls `body` with the text's UTF-8 bytes, read in place when they lie in one buffer (as a native string's
    /// always do): `withUTF8` is mutating, so a caller would copy the string for it, a retain and a release each call.
    @inlinable @inline(__always)
    public func withUTF8Bytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        if let result = try utf8.withContiguousStorageIfAvailable(body) { return result }
        var copy = String(self)
        return try copy.withUTF8(body)
    }
}
