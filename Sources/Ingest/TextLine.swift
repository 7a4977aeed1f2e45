#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One character of a line as the line readers see it: a `Character`, or a byte of a line that is plain ASCII
/// (``TextSearch/isPlainASCII(_:)``), where each byte is one character.
///
/// The readers of lines (``TextProfileParser``, ``NoteFormat/detect(_:)``) are written once over this protocol, so
/// that a plain ASCII line is read on its bytes, quickly, and any other line on its characters, with the same result.
protocol TextUnit: Equatable {
    /// Whether this is the ASCII character `scalar`.
    func matches(_ scalar: Unicode.Scalar) -> Bool
    /// Whether this is one of the ASCII `characters`.
    func isAny(of characters: StaticString) -> Bool
    /// The ASCII value, as `Character.asciiValue` gives it.
    var asciiValue: UInt8? { get }
    /// Whether this is ASCII.
    var isASCII: Bool { get }
    /// Whether this is a letter.
    var isLetter: Bool { get }
    /// Whether this is a number.
    var isNumber: Bool { get }
    /// Whether this is lower case.
    var isLowercase: Bool { get }
    /// Whether this is upper case.
    var isUppercase: Bool { get }
    /// The place in the alphabet of this letter lower-cased, 1 for `a` to 26 for `z`; 1 for anything else.
    var letterIndex: Int { get }
}

extension Character: TextUnit {
    func matches(_ scalar: Unicode.Scalar) -> Bool {
        // A one-byte character is ASCII, and equals an ASCII character only when it is that character.
        if utf8.count == 1, let byte = utf8.first { return byte.matches(scalar) }
        return self == Character(scalar)
    }

    func isAny(of characters: StaticString) -> Bool {
        if utf8.count == 1, let byte = utf8.first { return byte.isAny(of: characters) }
        return characters.description.contains(self)
    }

    var letterIndex: Int {
        guard let value = lowercased().unicodeScalars.first?.value, value >= 97, value <= 122 else { return 1 }
        return Int(value) - 96
    }
}

extension UInt8: TextUnit {
    @inline(__always) func matches(_ scalar: Unicode.Scalar) -> Bool { self == UInt8(ascii: scalar) }

    func isAny(of characters: StaticString) -> Bool {
        characters.withUTF8Buffer { $0.contains(self) }
    }

    var asciiValue: UInt8? { self < 0x80 ? self : nil }
    var isASCII: Bool { self < 0x80 }
    var isLetter: Bool { isASCIILetter(self) }
    var isNumber: Bool { isASCIIDigit(self) }
    var isLowercase: Bool { self >= 0x61 && self <= 0x7A }
    var isUppercase: Bool { self >= 0x41 && self <= 0x5A }
    var letterIndex: Int { isLetter ? Int(self | 0x20) - 96 : 1 }
}

/// A line, or part of one, as the line readers see it: the characters of a `Substring`, or the bytes of a plain ASCII
/// line (see ``TextUnit``).
protocol TextLine: BidirectionalCollection where Element: TextUnit, SubSequence == Self {
    /// The first units of a line, indexed from 0.
    associatedtype Units: RandomAccessCollection<Element> where Units.Index == Int
    /// The length in UTF-8 bytes.
    var utf8Count: Int { get }
    /// The text.
    var string: String { get }
    /// The first `count` units (or all when there are fewer), indexed from 0.
    func units(upTo count: Int) -> Units
    /// Calls `body` with the UTF-8 bytes of the line, in place when they are.
    func withUTF8Bytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result
    /// Whether the line is plain ASCII (``TextSearch/isPlainASCII(_:)``): each byte one character.
    var isPlainASCII: Bool { get }
}

extension Substring: TextLine {
    var utf8Count: Int { utf8.count }
    var string: String { String(self) }
    var isPlainASCII: Bool { TextSearch.isPlainASCII(self) }
    func units(upTo count: Int) -> [Character] { Array(prefix(count)) }
}

extension Slice: TextLine where Base == UnsafeBufferPointer<UInt8> {
    var utf8Count: Int { count }
    var string: String { String(decoding: self, as: UTF8.self) }
    // (A line is read on its bytes only when it is plain ASCII.)
    var isPlainASCII: Bool { true }
    func units(upTo count: Int) -> UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: prefix(count)) }
    func withUTF8Bytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        try body(UnsafeBufferPointer(rebasing: self))
    }
}

/// A line, or part of one, of UTF-8 bytes, indexed as in the whole text.
typealias LineBytes = Slice<UnsafeBufferPointer<UInt8>>

/// Splitting UTF-8 text into lines on its bytes.
enum TextLines {
    /// The byte ranges of the lines of `bytes`, as `split(separator: "\n", omittingEmptySubsequences: false)` gives
    /// them on characters: split at each LF that does not end a CRLF (which is one character).
    static func ranges(in bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var lines: [Range<Int>] = []
        // Notes' lines run to about 40 bytes: room for most from the start saves the array growing.
        lines.reserveCapacity(bytes.count / 32 + 8)
        forEachRange(in: bytes) { line in
            lines.append(line)
            return true
        }
        return lines
    }

    /// Calls `body` with each of ``ranges(in:)`` in turn, until it returns `false`: for a look at the first lines
    /// that need not find the rest.
    static func forEachRange(in bytes: UnsafeBufferPointer<UInt8>, _ body: (Range<Int>) -> Bool) {
        var start = 0
        var index = 0
        while let end = lineFeed(in: bytes, from: index) {
            if end == 0 || bytes[end - 1] != 0x0D {
                guard body(start..<end) else { return }
                start = end + 1
            }
            index = end + 1
        }
        _ = body(start..<bytes.count)
    }

    /// The index of the first LF in `bytes` at or after `start`, or `nil`.
    static func lineFeed(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        firstIndex(of: 0x0A, in: bytes, from: start)
    }

    /// The index of the first `byte` (ASCII) in `bytes` at or after `start`, or `nil`; passing eight bytes at a time.
    static func firstIndex(of byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard let base = bytes.baseAddress else { return nil }
        var index = start
        while index + 8 <= bytes.count,
            !ASCIIWord.has(UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self), byte)
        {
            index += 8
        }
        while index < bytes.count {
            if bytes[index] == byte { return index }
            index += 1
        }
        return nil
    }

    /// Whether `bytes` hold an ASCII lower-case letter with an ASCII byte, or an end, on each side: a character of
    /// its own, and lower case.
    ///
    /// (Only CR LF joins two ASCII scalars into one character; a scalar past ASCII that could join an ASCII letter,
    /// a combining mark or a prepended sign, would have to be next to it.) So a line read by its characters can be
    /// told to have a lower-case letter from its bytes, without the slow reading of its characters.
    static func hasLoneLowercase(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index < bytes.count {
            if bytes[index] &- UInt8(ascii: "a") < 26, index == 0 || bytes[index - 1] < 0x80,
                index + 1 == bytes.count || bytes[index + 1] < 0x80
            {
                return true
            }
            index += 1
        }
        return false
    }

    /// The first `count` bytes of `bytes`, when there are that many and they are plain ASCII
    /// (``TextSearch/isPlainASCII(_:)``): then each but the last is a character of its own.
    static func plainHead(of bytes: UnsafeBufferPointer<UInt8>, count: Int) -> LineBytes? {
        guard bytes.count >= count, TextSearch.isPlainASCII(UnsafeBufferPointer(rebasing: bytes[..<count])) else {
            return nil
        }
        return bytes[..<count]
    }

    /// The line `range` of `bytes` as characters, for a line that is not plain ASCII.
    ///
    /// A line starts and ends at character boundaries (a character never spans an LF other than in a CRLF), so its
    /// characters are the same alone as in the whole text.
    static func characters(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Substring {
        Substring(String(decoding: bytes[range], as: UTF8.self))
    }
}
