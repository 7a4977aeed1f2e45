import Foundation

/// Keys of a few strings each, sorted as `String`s compare, part by part: two parts whose scalars are all below
/// U+0300 by their bytes, any other pair as `String`s.
///
/// `String`'s order is that of the Unicode scalars after canonical normalisation (NFC). Text whose scalars are all
/// below U+0300 (ASCII, Latin-1, Latin Extended-A and -B, IPA: no byte from `CC` up in its UTF-8) holds no combining
/// mark and no scalar that normalisation changes, so it is its own NFC, two different such texts are never
/// canonically equal, and their order is that of their scalars, which is the order of their UTF-8 bytes; so every
/// comparison gives what comparing the `String`s gives, and the sort the same order, without a `String` comparison
/// for each such pair. The keys' bytes are kept end to end in one buffer, and only the other parts as `String`s: a
/// sort of an archive's ids holds one copy of them, not two.
///
/// Known limitation: `String` (Swift 6.3) does not itself always order text whose NFC differs from it: it finds
/// "\u{212B}" (the Ångström sign, canonically U+00C5) and "\u{C5}\u{1}", or "e\u{301}" and "\u{E9}a", neither equal
/// nor ordered, and puts "KA" before "\u{212A}" (the Kelvin sign), which it finds equal to "K", itself before "KA".
/// Keys holding such texts have no order for a sort to agree with; they sort as `String`'s comparisons fall (all
/// such texts are compared as `String`s here, none by bytes).
struct StringKeys {
    private var bytes: [UInt8] = []
    /// Where each part of each key ends in `bytes`, `parts` a key.
    private var ends: [Int] = []
    /// The parts that do not compare by their bytes, by number: few, or none in text of Latin scripts.
    private var texts: [Int: String] = [:]
    /// Whether each part compares by its bytes (its scalars are all below U+0300).
    private var byteOrdered: [Bool] = []
    private let parts: Int
    /// For each part, whether it sorts descending.
    private let descending: [Bool]

    /// Keys of `parts` strings each, added by ``add(_:)`` in the order of their numbers; a part sorts descending
    /// where `descending` says so.
    init(parts: Int, capacity: Int, descending: [Bool] = []) {
        self.parts = parts
        self.descending = (0..<parts).map { $0 < descending.count && descending[$0] }
        ends.reserveCapacity(parts * capacity)
        byteOrdered.reserveCapacity(parts * capacity)
    }

    /// Adds the next part of a key.
    mutating func add(_ text: String) {
        let isByteOrdered = text.withUTF8Bytes { utf8 in
            // A scalar from U+0300 up starts with a byte from `CC` up; the bytes of those below are below it.
            guard !utf8.contains(where: { $0 >= 0xCC }) else { return false }
            bytes.append(contentsOf: utf8)
            return true
        }
        if !isByteOrdered { texts[byteOrdered.count] = text }
        byteOrdered.append(isByteOrdered)
        ends.append(bytes.count)
    }

    /// The numbers of the keys, sorted.
    func sorted() -> [Int] {
        let count = parts == 0 ? 0 : ends.count / parts
        let (parts, descending, texts) = (parts, descending, texts)
        return bytes.withUnsafeBufferPointer { buffer in
            ends.withUnsafeBufferPointer { ends in
                byteOrdered.withUnsafeBufferPointer { byteOrdered in
                    let base = buffer.baseAddress ?? UnsafePointer(bitPattern: 1).unsafelyUnwrapped
                    /// Part `index` as a `String`: a byte-ordered part made again from its bytes.
                    func text(_ index: Int) -> String {
                        guard byteOrdered[index] else { return texts[index] ?? "" }
                        let start = index == 0 ? 0 : ends[index - 1]
                        return String(decoding: buffer[start..<ends[index]], as: UTF8.self)
                    }
                    /// How parts `a` and `b` compare: below zero when `a` comes first.
                    func compare(_ a: Int, _ b: Int) -> Int {
                        guard byteOrdered[a], byteOrdered[b] else {
                            let (first, second) = (text(a), text(b))
                            return first < second ? -1 : second < first ? 1 : 0
                        }
                        let start = (a == 0 ? 0 : ends[a - 1], b == 0 ? 0 : ends[b - 1])
                        let length = (ends[a] - start.0, ends[b] - start.1)
                        let common = min(length.0, length.1)
                        let order = common == 0 ? 0 : Int(memcmp(base + start.0, base + start.1, common))
                        return order != 0 ? order : length.0 - length.1
                    }
                    return (0..<count).sorted { left, right in
                        for part in 0..<parts {
                            let order = compare(left * parts + part, right * parts + part)
                            if order != 0 { return (order < 0) != descending[part] }
                        }
                        return false
                    }
                }
            }
        }
    }
}
