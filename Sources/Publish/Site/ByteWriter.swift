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
        copyBytes(source, to: base + count, count: length)
        count += length
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
