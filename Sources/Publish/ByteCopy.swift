// The copy the page writer (``ByteWriter``) and the JSON and CSV buffer (``ByteBuffer``) share: most of the pieces
// they append are a few bytes long, for which a call to `memcpy` costs more than the copy.

/// Copies `count` bytes (at least one) from `source` to `target`, which do not overlap: up to 16 as two words
/// that may overlap, or fewer bytes, since most pieces of a page or a JSON file are that short and a call to
/// `memcpy` costs more than the copy; longer runs by `memcpy`.
@inline(__always)
func copyBytes(_ source: UnsafePointer<UInt8>, to target: UnsafeMutablePointer<UInt8>, count: Int) {
    if count <= 16 {
        copyShortBytes(from: UnsafeRawPointer(source), to: UnsafeMutableRawPointer(target), count: count)
    } else {
        target.initialize(from: source, count: count)
    }
}

/// Copies `count` bytes (1 to 16) as two words that may overlap, or fewer bytes.
@inline(__always)
private func copyShortBytes(from source: UnsafeRawPointer, to target: UnsafeMutableRawPointer, count: Int) {
    if count >= 8 {
        target.storeBytes(of: source.loadUnaligned(as: UInt64.self), as: UInt64.self)
        (target + count - 8).storeBytes(of: (source + count - 8).loadUnaligned(as: UInt64.self), as: UInt64.self)
    } else if count >= 4 {
        target.storeBytes(of: source.loadUnaligned(as: UInt32.self), as: UInt32.self)
        (target + count - 4).storeBytes(of: (source + count - 4).loadUnaligned(as: UInt32.self), as: UInt32.self)
    } else {
        // One to three bytes: the first, the middle and the last (some the same).
        target.storeBytes(of: source.load(as: UInt8.self), as: UInt8.self)
        (target + count / 2).storeBytes(of: (source + count / 2).load(as: UInt8.self), as: UInt8.self)
        (target + count - 1).storeBytes(of: (source + count - 1).load(as: UInt8.self), as: UInt8.self)
    }
}
