/// A growing byte buffer written through a pointer, for writers that add one to a few bytes at a time, where the
/// checks of `Array.append` cost more than the bytes.
struct ByteBuffer: ~Copyable {
    private var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private(set) var count = 0

    init(capacity: Int) {
        self.capacity = Swift.max(capacity, 32)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    /// Makes room for `extra` more bytes.
    private mutating func reserve(_ extra: Int) {
        guard count + extra > capacity else { return }
        let grown = Swift.max(2 * capacity, count + extra)
        let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
        larger.initialize(from: base, count: count)
        base.deallocate()
        base = larger
        capacity = grown
    }

    @inline(__always)
    mutating func append(_ byte: UInt8) {
        reserve(1)
        base[count] = byte
        count += 1
    }

    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
        reserve(bytes.count)
        copyBytes(source, to: base + count, count: bytes.count)
        count += bytes.count
    }

    /// Appends the bytes of `text`; inlined, so that a short text known where it is called is a few stores.
    @inline(__always)
    mutating func append(_ text: StaticString) {
        append(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// Two bytes.
    mutating func append(_ first: UInt8, _ second: UInt8) {
        reserve(2)
        base[count] = first
        base[count + 1] = second
        count += 2
    }

    /// A line feed and `indent` levels of two spaces.
    mutating func newline(indent: Int) {
        reserve(1)
        base[count] = 0x0A
        count += 1
        spaces(2 * indent)
    }

    /// `byte`, a line feed and `indent` levels of two spaces.
    mutating func newline(after byte: UInt8, indent: Int) {
        append(byte, 0x0A)
        spaces(2 * indent)
    }

    /// `width` spaces, written eight at a time (an indent is short: a call to fill memory would cost more).
    private mutating func spaces(_ width: Int) {
        // Room for the last word written whole past the spaces wanted; it is overwritten by what follows.
        reserve(width + 8)
        let end = base + count
        var offset = 0
        while offset < width {
            UnsafeMutableRawPointer(end + offset).storeBytes(of: 0x2020_2020_2020_2020 as UInt64, as: UInt64.self)
            offset += 8
        }
        count += width
    }

    /// Appends the decimal digits of `value`, as ``JSONValue/writeInt(_:to:)`` writes them.
    mutating func appendInt(_ value: Int) {
        reserve(JSONValue.maximumDigits)
        count += JSONValue.digits(of: value, into: base + count)
    }

    /// Appends `string` as a JSON string literal, as ``JSONValue/writeString(_:to:)`` writes it.
    mutating func appendJSONString(_ string: String) {
        // (Read in place, without the copy of the string that `withUTF8` needs.)
        let plain = string.utf8.withContiguousStorageIfAvailable { utf8 in
            guard !JSONValue.needsEscape(utf8) else { return false }
            reserve(utf8.count + 2)
            append(0x22)
            append(utf8)
            append(0x22)
            return true
        }
        if plain == true { return }
        var escaped: [UInt8] = []
        JSONValue.writeString(string, to: &escaped)
        escaped.withUnsafeBufferPointer { append($0) }
    }

    /// Appends raw bytes.
    mutating func append(_ bytes: UnsafeRawBufferPointer) {
        append(bytes.assumingMemoryBound(to: UInt8.self))
    }

    /// Forgets the bytes written, keeping the memory.
    mutating func removeAll() { count = 0 }

    /// Calls `body` with the bytes written, in place.
    func withBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        try body(UnsafeBufferPointer(start: base, count: count))
    }

    /// The bytes written.
    consuming func bytes() -> [UInt8] { Array(UnsafeBufferPointer(start: base, count: count)) }
}
