#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Strings kept end to end in one buffer, each named by its number, and found again by their text.
///
/// A long run keeps a few strings for every note of an archive (ids, titles, names). Held as `String`s, each is an
/// allocation of its own, left wherever the heap had room while the note was read, so that the pages around it stay
/// resident long after the note is gone; here they take one growing buffer and a few bytes each.
public struct StringTable: Sendable {
    private var bytes: [UInt8] = []
    private var ends: [UInt32] = []
    /// The first string of each hash; a string whose hash another took first goes to `overflow`.
    private var slots: [Int: Int32] = [:]
    private var overflow: [String: Int32] = [:]

    /// An empty table.
    public init() {}

    /// How many strings the table holds.
    public var count: Int { ends.count }

    /// The string numbered `number`.
    public subscript(number: Int32) -> String {
        let range = self.range(of: number)
        return bytes.withUnsafeBufferPointer { String(decoding: $0[range], as: UTF8.self) }
    }

    /// The number of `text`, when the table holds it.
    public func number(of text: String) -> Int32? {
        number(of: text, hash: Self.hash(of: text))
    }

    private func number(of text: String, hash: Int) -> Int32? {
        guard let first = slots[hash] else { return nil }
        return holds(text, at: first) ? first : overflow[text]
    }

    /// The number of `text`, which is added when the table does not hold it yet.
    @discardableResult
    public mutating func intern(_ text: String) -> Int32 {
        let hash = Self.hash(of: text)
        // One look-up of the hash: a new string whose hash is new takes its slot with no second look-up.
        guard let first = slots[hash] else {
            let number = append(text)
            slots[hash] = number
            return number
        }
        if holds(text, at: first) { return first }
        if let number = overflow[text] { return number }
        let number = append(text)
        overflow[text] = number
        return number
    }

    /// Adds `text` as a new string, even when the table holds it already, and returns its number.
    @discardableResult
    public mutating func append(_ text: String) -> Int32 {
        var text = text
        text.withUTF8 { bytes.append(contentsOf: $0) }
        ends.append(UInt32(bytes.count))
        return Int32(ends.count - 1)
    }

    private func range(of number: Int32) -> Range<Int> {
        let index = Int(number)
        return (index == 0 ? 0 : Int(ends[index - 1]))..<Int(ends[index])
    }

    /// Whether string `number` is `text`: the same bytes, or failing that equal as Swift compares strings, as a
    /// dictionary keyed by strings would find it.
    private func holds(_ text: String, at number: Int32) -> Bool {
        Self.same(bytes, range(of: number), text) || self[number] == text
    }

    /// Whether `bytes[range]` are the UTF-8 bytes of `text`, compared in place.
    static func same(_ bytes: [UInt8], _ range: Range<Int>, _ text: String) -> Bool {
        var text = text
        return text.withUTF8 { utf8 in
            guard utf8.count == range.count else { return false }
            guard let other = utf8.baseAddress, !range.isEmpty else { return true }
            return bytes.withUnsafeBufferPointer { held in
                guard let base = held.baseAddress else { return false }
                return memcmp(base + range.lowerBound, other, range.count) == 0
            }
        }
    }

    private static func hash(of text: String) -> Int {
        var hasher = Hasher()
        hasher.combine(text)
        return hasher.finalize()
    }
}
