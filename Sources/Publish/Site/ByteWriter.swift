/// The bytes of a page as a template program writes it: each append a capacity check and one copy, into memory that
/// doubles when it is full (an `Array`'s append of a buffer costs several times that, and a page is made of
/// thousands of short pieces).
struct ByteWriter: ~Copyable {
    private var base: UnsafeMutablePointer<UInt8>
    /// How many bytes were written.
    private(set) var count = 0
    /// How many bytes fit before the memory must grow.
    private(set) var capacity: Int

    /// An empty writer with room for `capacity` bytes.
    init(capacity: Int) {
        self.capacity = Swift.max(capacity, 64)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    /// Appends `bytes`.
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
        let length = bytes.count
        if count + length > capacity { grow(toHold: count + length) }
        Self.copy(source, to: base + count, count: length)
        count += length
    }

    /// Copies `count` bytes (at least one) from `source` to `target`, which do not overlap: up to 16 as two words
    /// that may overlap, or fewer bytes, since most pieces of a page or a JSON file are that short and a call to
    /// `memcpy` costs more than the copy; longer runs by `memcpy`.
    @inline(__always)
    static func copy(_ source: UnsafePointer<UInt8>, to target: UnsafeMutablePointer<UInt8>, count: Int) {
        if count <= 16 {
            copySmall(from: UnsafeRawPointer(source), to: UnsafeMutableRawPointer(target), count: count)
        } else {
            target.initialize(from: source, count: count)
        }
    }

    /// Copies `count` bytes (1 to 16) as two words that may overlap, or fewer bytes.
    @inline(__always)
    private static func copySmall(from source: UnsafeRawPointer, to target: UnsafeMutableRawPointer, count: Int) {
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

    /// Appends `bytes`.
    mutating func append(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { append($0) }
    }

    /// Appends the UTF-8 bytes of `text`.
    mutating func append(_ text: String) {
        text.withUTF8Bytes { append($0) }
    }

    /// Appends the UTF-8 bytes of `literal`.
    @inline(__always)
    mutating func append(_ literal: StaticString) {
        append(UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
    }

    /// Appends `byte`.
    mutating func append(byte: UInt8) {
        if count == capacity { grow(toHold: count + 1) }
        base[count] = byte
        count += 1
    }

    /// Appends the decimal digits of `value`, as ``JSONValue/writeInt(_:to:)`` writes them.
    mutating func append(decimal value: Int) {
        if count + JSONValue.maximumDigits > capacity { grow(toHold: count + JSONValue.maximumDigits) }
        count += JSONValue.digits(of: value, into: base + count)
    }

    private mutating func grow(toHold needed: Int) {
        var newCapacity = capacity * 2
        while newCapacity < needed { newCapacity *= 2 }
        let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newBase.initialize(from: base, count: count)
        base.deallocate()
        base = newBase
        capacity = newCapacity
    }

    /// The bytes written, copied into an array.
    func bytes() -> [UInt8] {
        withBytes { Array($0) }
    }

    /// Calls `body` with the bytes written, where they lie: a page is written to its file without a copy.
    func withBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        try body(UnsafeBufferPointer(start: base, count: count))
    }
}
