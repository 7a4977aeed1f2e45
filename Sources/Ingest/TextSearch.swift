#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Fast substring tests on UTF-8 bytes, for the first look ingest and the extractors take at every line before the
/// closer, character-level reading that few lines need.
public enum TextSearch {
    /// Whether `text` contains `needle`; with `ignoringCase`, ASCII letters match in either case (`needle` must then
    /// be lower case).
    public static func contains(_ text: String, _ needle: String, ignoringCase: Bool = false) -> Bool {
        withBytes(of: text) { contains($0, needle, ignoringCase: ignoringCase) }
    }

    /// Whether `bytes` contain the UTF-8 bytes of `needle`, ASCII case-insensitively with `ignoringCase`.
    ///
    /// The needle's least common byte (``commonness(_:)``) is looked for first, eight places at a time, as `memchr`
    /// does; the whole needle is compared only where it stands.
    public static func contains(_ bytes: UnsafeBufferPointer<UInt8>, _ needle: String, ignoringCase: Bool = false)
        -> Bool
    {
        withBytes(of: needle) { pattern in
            guard let first = pattern.first else { return true }
            guard bytes.count >= pattern.count, let base = bytes.baseAddress else { return false }
            // No byte lower-cases to a capital: a needle with one matches nothing.
            if ignoringCase, pattern.contains(where: { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") }) {
                return false
            }
            var key = 0
            var keyCommonness = commonness(first)
            for index in pattern.indices.dropFirst() where commonness(pattern[index]) < keyCommonness {
                key = index
                keyCommonness = commonness(pattern[index])
            }
            let byte = pattern[key]
            // The bytes that lower-case to `byte`: itself and, for a lower-case letter, its capital.
            let capital = ignoringCase && byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") ? byte - 0x20 : byte
            /// Whether the needle stands at `start`.
            @inline(__always) func standsAt(_ start: Int) -> Bool {
                var offset = 0
                while offset < pattern.count {
                    let byte = base[start &+ offset]
                    if (ignoringCase ? lowered(byte) : byte) != pattern[offset] { return false }
                    offset &+= 1
                }
                return true
            }
            // Where the last match may start, plus one.
            let end = bytes.count - pattern.count + 1
            var start = 0
            while start < end {
                if start &+ 8 <= end {
                    // The first of the eight places whose key byte is `byte` or `capital`, found exactly.
                    let word = UInt64(littleEndian: ASCIIWord.load(base, at: start &+ key))
                    let found = ASCIIWord.matches(word, byte) | (capital == byte ? 0 : ASCIIWord.matches(word, capital))
                    if found == 0 {
                        start &+= 8
                        continue
                    }
                    start &+= found.trailingZeroBitCount >> 3
                } else if base[start &+ key] != byte, base[start &+ key] != capital {
                    start &+= 1
                    continue
                }
                if standsAt(start) { return true }
                start &+= 1
            }
            return false
        }
    }

    /// How common `byte` is in English text, roughly, in either case: the byte of a needle least common by this
    /// measure is the one looked for.
    @inline(__always) static func commonness(_ byte: UInt8) -> Int {
        switch byte | (byte >= 0x41 && byte <= 0x5A ? 0x20 : 0) {
        case 0x20: 9
        case UInt8(ascii: "e"): 8
        case UInt8(ascii: "t"), UInt8(ascii: "a"), UInt8(ascii: "o"), UInt8(ascii: "i"), UInt8(ascii: "n"): 7
        case UInt8(ascii: "s"), UInt8(ascii: "r"), UInt8(ascii: "h"): 6
        case UInt8(ascii: "d"), UInt8(ascii: "l"), UInt8(ascii: "c"), UInt8(ascii: "u"), UInt8(ascii: "m"): 5
        case UInt8(ascii: "f"), UInt8(ascii: "w"), UInt8(ascii: "g"), UInt8(ascii: "y"), UInt8(ascii: "p"): 4
        case UInt8(ascii: "b"), UInt8(ascii: "v"), UInt8(ascii: "k"), UInt8(ascii: ","), UInt8(ascii: "."): 3
        case UInt8(ascii: "0")...UInt8(ascii: "9"): 3
        default: 1
        }
    }

    /// Whether `text` starts with the bytes of `prefix`: for plain ASCII text (``isPlainASCII(_:)``) what
    /// `hasPrefix(_:)` says.
    ///
    /// Inlined, and told by the first byte for most texts, which are asked of most lines; both are then read in place.
    @inlinable
    public static func hasBytePrefix(_ text: some StringProtocol, _ prefix: String) -> Bool {
        guard let first = prefix.utf8.first else { return true }
        guard text.utf8.first == first else { return false }
        return text.withUTF8Bytes { bytes in
            prefix.withUTF8Bytes { head in bytes.count >= head.count && bytes.prefix(head.count).elementsEqual(head) }
        }
    }

    /// The parts of `text` around its one `separator`, or `nil` when it holds none or more than one: on the bytes,
    /// so for plain ASCII text (``isPlainASCII(_:)``) what `split(separator:omittingEmptySubsequences: false)`
    /// giving two parts says.
    public static func splitOnce(_ text: String, at separator: String) -> (Substring, Substring)? {
        // The bytes are read in place; -1 stands for a second separator.
        let found: Int? = withBytes(of: text) { bytes in
            withBytes(of: separator) { pattern -> Int? in
                guard let first = pattern.first, bytes.count >= pattern.count else { return nil }
                var found: Int?
                var start = 0
                while start <= bytes.count - pattern.count {
                    var offset = 0
                    if bytes[start] == first {
                        offset = 1
                        while offset < pattern.count, bytes[start + offset] == pattern[offset] { offset += 1 }
                    }
                    if offset == pattern.count {
                        guard found == nil else { return -1 }
                        found = start
                        start += pattern.count
                    } else {
                        start += 1
                    }
                }
                return found
            }
        }
        guard let found, found >= 0 else { return nil }
        let utf8 = text.utf8
        let lower = utf8.index(utf8.startIndex, offsetBy: found)
        let upper = utf8.index(lower, offsetBy: separator.utf8.count)
        return (text[..<lower], text[upper...])
    }

    /// Whether `text` starts with `prefix`, ASCII letters in either case (`prefix` must be lower case).
    public static func hasPrefix(_ text: String, ignoringCase prefix: String) -> Bool {
        var index = text.utf8.startIndex
        for byte in prefix.utf8 {
            guard index < text.utf8.endIndex, lowered(text.utf8[index]) == byte else { return false }
            index = text.utf8.index(after: index)
        }
        return true
    }

    /// Whether every byte of `text` is ASCII other than a carriage return, so that each byte is one character: then
    /// a look at the bytes gives what a look at the characters would.
    public static func isPlainASCII(_ text: String) -> Bool {
        withBytes(of: text) { isPlainASCII($0) }
    }

    /// Whether every byte of `text` is ASCII other than a carriage return.
    public static func isPlainASCII(_ text: Substring) -> Bool {
        withBytes(of: text) { isPlainASCII($0) }
    }

    /// Whether every byte is ASCII other than a carriage return.
    public static func isPlainASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        guard bytes.count >= 8 else { return !bytes.contains { $0 >= 0x80 || $0 == 0x0D } }
        // Eight bytes at a time, the last eight overlapping the eight before when the count is not a multiple of 8.
        var offset = 0
        while offset < bytes.count - 8 {
            if !isPlainASCII(UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self)) { return false }
            offset += 8
        }
        return isPlainASCII(UnsafeRawPointer(base + bytes.count - 8).loadUnaligned(as: UInt64.self))
    }

    /// Whether eight bytes are ASCII other than CR.
    @inline(__always) private static func isPlainASCII(_ word: UInt64) -> Bool {
        word & ASCIIWord.high == 0 && !ASCIIWord.has(word, 0x0D)
    }

    /// The number of words `text` splits into at spaces (`split(separator: " ").count`), or `nil` when `text` is not
    /// plain ASCII (``isPlainASCII(_:)``) and the bytes cannot tell.
    public static func wordCount(_ text: String) -> Int? {
        withBytes(of: text) { wordCount($0) }
    }

    /// ``wordCount(_:)`` of a substring.
    public static func wordCount(_ text: Substring) -> Int? {
        withBytes(of: text) { wordCount($0) }
    }

    /// The number of space-separated words in `bytes`, or `nil` when they are not plain ASCII.
    public static func wordCount(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard isPlainASCII(bytes) else { return nil }
        var count = 0
        var previous: UInt8 = 0x20
        for byte in bytes {
            if byte != 0x20, previous == 0x20 { count += 1 }
            previous = byte
        }
        return count
    }

    /// Whether `text`, lower-cased, starts with any of `prefixes` (which must be lower case and ASCII): on the bytes
    /// when `text` is plain ASCII, else as `text.lowercased().hasPrefix(_:)` would say.
    public static func lowercasedHasPrefix(_ text: String, _ prefixes: [String]) -> Bool {
        if isPlainASCII(text) { return prefixes.contains { hasPrefix(text, ignoringCase: $0) } }
        let candidates = prefixes.filter { !startsOtherwise(text, $0) }
        guard !candidates.isEmpty else { return false }
        let lower = text.lowercased()
        return candidates.contains { lower.hasPrefix($0) }
    }

    /// Whether the ASCII bytes that `text` starts with, lower-cased, already differ from `prefix` (ASCII), so that
    /// `text.lowercased()` cannot start with it: each such byte lower-cases to one character of its own.
    private static func startsOtherwise(_ text: String, _ prefix: String) -> Bool {
        guard isFoundOnlyByItsBytes(prefix), !prefix.utf8.contains(0x0D) else { return false }
        for (byte, wanted) in zip(text.utf8, prefix.utf8) {
            guard byte < 0x80 else { return false }
            if lowered(byte) != wanted { return true }
        }
        return false
    }

    /// Whether `text`, lower-cased, contains any of `needles` (which must be lower case and ASCII): on the bytes when
    /// `text` is plain ASCII, else as `text.lowercased().contains(_:)` would say.
    public static func lowercasedContains(_ text: String, _ needles: [String]) -> Bool {
        if isPlainASCII(text) { return containsAny(text, needles, ignoringCase: true) }
        // Lower-casing makes ASCII bytes of no other scalar than U+0130 and U+212A: without them, the lower-cased
        // text holds a needle's bytes only where the text holds them in either case, so most texts are ruled out
        // before they are lower-cased.
        if !mayLowerCaseToASCII(text),
            !needles.contains(where: { !isFoundOnlyByItsBytes($0) || contains(text, $0, ignoringCase: true) })
        {
            return false
        }
        let lower = text.lowercased()
        return needles.contains { (!isFoundOnlyByItsBytes($0) || contains(lower, $0)) && lower.contains($0) }
    }

    /// Whether `text` holds U+0130 (`İ`) or U+212A (the Kelvin sign), the only scalars from U+0080 whose lower case
    /// holds ASCII (`i` and a combining dot, `k`).
    public static func mayLowerCaseToASCII(_ text: String) -> Bool {
        withBytes(of: text) { bytes in
            var index = 0
            while index &+ 1 < bytes.count {
                switch (bytes[index], bytes[index &+ 1]) {
                case (0xC4, 0xB0): return true
                case (0xE2, 0x84) where index &+ 2 < bytes.count && bytes[index &+ 2] == 0xAA: return true
                default: index &+= 1
                }
            }
            return false
        }
    }

    /// Whether a text can hold `needle` (ASCII) as characters only where it holds its bytes: unless the needle has a
    /// `;`, `` ` `` or `K`, which U+037E, U+1FEF and U+212A equal as characters, so that a quick look at the bytes can
    /// rule a match out.
    private static func isFoundOnlyByItsBytes(_ needle: String) -> Bool {
        !needle.utf8.contains { $0 == UInt8(ascii: ";") || $0 == UInt8(ascii: "`") || $0 == UInt8(ascii: "K") }
    }

    /// The byte offset of the first `needle` in `text`, or `nil`; for plain ASCII text (``isPlainASCII(_:)``) the
    /// offset in characters too.
    public static func byteOffset(of needle: String, in text: String) -> Int? {
        withBytes(of: text) { bytes -> Int? in
            let pattern = Array(needle.utf8)
            guard let first = pattern.first else { return 0 }
            guard bytes.count >= pattern.count else { return nil }
            for start in 0...(bytes.count - pattern.count) where bytes[start] == first {
                var offset = 1
                while offset < pattern.count, bytes[start + offset] == pattern[offset] { offset += 1 }
                if offset == pattern.count { return start }
            }
            return nil
        }
    }

    /// Whether `text` contains any of `needles`.
    public static func containsAny(_ text: String, _ needles: [String], ignoringCase: Bool = false) -> Bool {
        needles.contains { contains(text, $0, ignoringCase: ignoringCase) }
    }

    /// A set of lower-case words looked for together in one pass over a text's bytes, ASCII case-insensitively: the
    /// first look an extractor takes at every block before its closer reading.
    ///
    /// Several lists of words can be looked for in the same pass (``init(lists:)``, ``matches(in:)``).
    ///
    /// Words of ``step`` + 1 bytes or more are found by sampling every ``step``-th place: each such word covers a
    /// sampled place with one of its first ``step`` byte pairs, so the pairs table holds those, and a sampled pair
    /// found there sends the look back to the places where a word holding it at that offset may start.
    public struct Vocabulary: Sendable {
        /// The words' bytes, one word after another.
        private let letters: [UInt8]
        /// Where each word of the pairs table starts in `letters`, grouped by ``bucket(_:_:)``; one more entry gives
        /// the end of the last.
        private let wordOffsets: [Int32]
        /// For each word of `wordOffsets`, the bit of its list.
        private let wordMasks: [UInt8]
        /// For each bucket, where its words start in `wordOffsets`; one more entry closes the last bucket.
        private let bucketStarts: [Int32]
        /// A bit for each pair of bytes, as they stand in a text (a little-endian `UInt16`), that may stand at one of
        /// the first ``step`` places of a word of the table: so that most places are passed over at a glance.
        ///
        /// When ``step`` is above 1, ``step`` tables of 1,024 words follow, one for each of those places, to tell
        /// where a word holding a pair found may start. When ``thirdPairs`` is set, a further table holds the pairs that
        /// may stand two places into a word (a word's third byte and its fourth, or any byte after a three-byte one),
        /// a second look before a word is read.
        ///
        /// Last, at ``triples``, comes a table of 65,536 bits, one for each ``tripleHash(_:)`` of three bytes that may
        /// stand at one of the first ``step`` places of a word, each byte with its `0x20` bit set (as a letter of
        /// either case is then): a stronger first look than a pair, so that fewer sampled places are read again.
        private let pairs: [UInt64]
        /// Where the table of triples starts in ``pairs``.
        private let triples: Int
        /// Where the table of third pairs starts in ``pairs``, when every word of the table has three bytes or more.
        private let thirdPairs: Int?
        /// For each byte as it stands in a text, the bits of the lists that have it as a word on its own.
        private let singles: [UInt8]
        /// Whether any word is one byte long.
        private let hasSingles: Bool
        /// How far apart the sampled places are: one less than the length of the shortest word of the table.
        private let step: Int
        /// The two-byte words, as the pairs of bytes (little-endian) that spell them in a text, when they are looked
        /// for apart: when one or two bytes start them all, which `memchr` finds.
        private let shortPairs: [UInt16]
        /// For each of `shortPairs`, the bit of its list.
        private let shortMasks: [UInt8]
        /// The bits of the lists that have a word of `shortPairs`.
        private let shortLists: UInt8
        /// The bytes that start the words of `shortPairs`, a second time when there is one.
        private let shortFirsts: (UInt8, UInt8)
        /// The bits of all the lists: a look that found them all has nothing more to find.
        private let allLists: UInt8

        /// Creates a vocabulary of `words`, which must be lower case.
        public init(_ words: [String]) {
            self.init(lists: [words])
        }

        /// Creates a vocabulary of up to eight lists of lower-case words, list `n` answering with bit `1 << n` in
        /// ``matches(in:)``.
        public init(lists: [[String]]) {
            precondition(lists.count <= 8, "at most eight lists")
            let all = lists.enumerated().flatMap { list, words in
                words.map { (bytes: Array($0.utf8), mask: UInt8(1) << UInt8(list)) }
            }
            allLists = lists.indices.reduce(0) { $0 | UInt8(1) << UInt8($1) }
            let short = all.filter { $0.bytes.count == 2 }
            let firsts = Array(Set(short.flatMap { Self.spellings(of: $0.bytes[0]) })).sorted()
            // Two-byte words would make every place a sampled one: a few first bytes are looked for apart.
            let apart = !firsts.isEmpty && firsts.count <= 2 && all.contains { $0.bytes.count > 2 }
            let long = all.filter { $0.bytes.count > (apart ? 2 : 1) }
            let step = max(1, (long.map { $0.bytes.count }.min() ?? 2) - 1)
            var shortPairs: [UInt16] = []
            var shortMasks: [UInt8] = []
            for word in short where apart {
                for one in Self.spellings(of: word.bytes[0]) {
                    for two in Self.spellings(of: word.bytes[1]) {
                        shortPairs.append(UInt16(one) | UInt16(two) << 8)
                        shortMasks.append(word.mask)
                    }
                }
            }
            self.shortPairs = shortPairs
            self.shortMasks = shortMasks
            shortLists = shortMasks.reduce(0, |)
            shortFirsts = apart ? (firsts[0], firsts[firsts.count - 1]) : (0, 0)
            // The words in bucket order, in their own order within a bucket: each bucket is then a run, read once.
            let byBucket = long.indices.map { (Self.bucket(long[$0].bytes[0], long[$0].bytes[1]), $0) }.sorted {
                $0 < $1
            }
            var nextWord = 0
            var letters: [UInt8] = []
            var wordOffsets: [Int32] = []
            var wordMasks: [UInt8] = []
            var bucketStarts: [Int32] = []
            bucketStarts.reserveCapacity(Self.bucketCount + 1)
            for bucket in 0..<Self.bucketCount {
                bucketStarts.append(Int32(wordOffsets.count))
                while nextWord < byBucket.count, byBucket[nextWord].0 == bucket {
                    let word = long[byBucket[nextWord].1]
                    nextWord += 1
                    wordOffsets.append(Int32(letters.count))
                    wordMasks.append(word.mask)
                    letters += word.bytes
                }
            }
            bucketStarts.append(Int32(wordOffsets.count))
            wordOffsets.append(Int32(letters.count))
            let firstTables = step > 1 ? step + 1 : 1
            let anyByte = Array(0...UInt8.max)
            let longBytes = long.map { $0.bytes }
            let thirdPairs = long.allSatisfy { $0.bytes.count >= 3 } ? firstTables * 1024 : nil
            let triples = 1024 * (firstTables + (thirdPairs == nil ? 0 : 1))
            var pairs = [UInt64](repeating: 0, count: triples + Self.tripleBits / 64)
            var singles = [UInt8](repeating: 0, count: 256)
            for word in all where word.bytes.count == 1 {
                for one in Self.spellings(of: word.bytes[0]) { singles[Int(one)] |= word.mask }
            }
            for word in longBytes {
                for offset in 0..<step {
                    for one in Self.spellings(of: word[offset]) {
                        for two in Self.spellings(of: word[offset + 1]) {
                            let pair = Int(one) | Int(two) << 8
                            pairs[pair >> 6] |= 1 << UInt64(pair & 63)
                            if step > 1 { pairs[(offset + 1) * 1024 + pair >> 6] |= 1 << UInt64(pair & 63) }
                        }
                    }
                }
            }
            if let thirdPairs {
                for word in longBytes {
                    for one in Self.spellings(of: word[2]) {
                        // After a word's last byte, any byte may follow.
                        let followers = word.count > 3 ? Self.spellings(of: word[3]) : anyByte
                        for two in followers {
                            let pair = Int(one) | Int(two) << 8
                            pairs[thirdPairs + pair >> 6] |= 1 << UInt64(pair & 63)
                        }
                    }
                }
            }
            for word in longBytes {
                for offset in 0..<step {
                    let two = UInt32(word[offset] | 0x20) | UInt32(word[offset + 1] | 0x20) << 8
                    // Past a word's last byte, any byte may follow.
                    let thirds = offset + 2 < word.count ? [word[offset + 2]] : anyByte
                    for third in thirds {
                        let hash = Self.tripleHash(two | UInt32(third | 0x20) << 16)
                        pairs[triples + hash >> 6] |= 1 << UInt64(hash & 63)
                    }
                }
            }
            self.triples = triples
            self.letters = letters
            self.wordOffsets = wordOffsets
            self.wordMasks = wordMasks
            self.bucketStarts = bucketStarts
            self.pairs = pairs
            self.singles = singles
            self.thirdPairs = thirdPairs
            self.step = step
            hasSingles = singles.contains { $0 != 0 }
        }

        private static let bucketCount = 1024

        /// The number of bits of the table of triples.
        private static let tripleBits = 1 << 16

        /// The bit of the table of triples for three bytes, the first in the low byte, each with its `0x20` bit set.
        @inline(__always) private static func tripleHash(_ bytes: UInt32) -> Int {
            Int((bytes &* 0x9E37_79B1) >> 16)
        }

        /// The bucket of the words that start with bytes `first` and `second`.
        @inline(__always) private static func bucket(_ first: UInt8, _ second: UInt8) -> Int {
            (Int(first) &* 31 &+ Int(second)) & (bucketCount - 1)
        }

        /// The bytes of a text that lower-case to `byte`.
        private static func spellings(of byte: UInt8) -> [UInt8] {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"): [byte, byte - 0x20]
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): []
            default: [byte]
            }
        }

        /// Whether any word occurs in `text`.
        public func occurs(in text: String) -> Bool {
            withBytes(of: text) { matches(in: $0) != 0 }
        }

        /// Whether any word occurs in `bytes`.
        public func occurs(in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            matches(in: bytes) != 0
        }

        /// The bits of the lists (``init(lists:)``) a word of which occurs in `text`.
        public func matches(in text: String) -> UInt8 {
            withBytes(of: text) { matches(in: $0) }
        }

        /// The bits of the lists a word of which occurs in `bytes`: the look stops once every list has one.
        public func matches(in bytes: UnsafeBufferPointer<UInt8>) -> UInt8 {
            guard bytes.baseAddress != nil else { return 0 }
            var found: UInt8 = 0
            if hasSingles {
                for byte in bytes {
                    found |= singles[Int(byte)]
                    if found == allLists { return found }
                }
            }
            let end = bytes.count - 1  // where the last pair starts, plus one
            guard end > 0 else { return found }
            found = longWordMatches(in: bytes, found: found)
            // The two-byte words looked for apart are looked for last, and only for the lists still lacking one.
            let lacking = allLists & ~found & shortLists
            if lacking != 0 { found |= shortWordMatches(in: bytes, lacking: lacking) }
            return found
        }

        /// `found` with the bits of the lists a word of the pairs table of which occurs in `bytes` (two or more): the
        /// look stops once every list has one.
        @inline(__always)
        private func longWordMatches(in bytes: UnsafeBufferPointer<UInt8>, found: UInt8) -> UInt8 {
            guard let base = bytes.baseAddress else { return found }
            var found = found
            let end = bytes.count - 1  // where the last pair starts, plus one
            let step = step
            let third = thirdPairs
            let triples = triples
            return pairs.withUnsafeBufferPointer { pairs in
                /// Whether the pair of bytes at `place` may stand at one of the first places of a word: at `offset`
                /// alone when it is 0 or more.
                @inline(__always) func mayHold(_ place: Int, offset: Int = -1) -> Bool {
                    let pair = Int(UInt16(littleEndian: UnsafeRawPointer(base + place).loadUnaligned(as: UInt16.self)))
                    return pairs[(offset &+ 1) &* 1024 &+ pair >> 6] & (1 << UInt64(pair & 63)) != 0
                }
                /// Whether a word of the table may start at `start`, by its third pair: when the text holds no pair two
                /// places on (a three-byte word may end the text), or that pair may stand there in a word.
                @inline(__always) func mayStart(_ start: Int) -> Bool {
                    guard let third, start &+ 2 < end else { return true }
                    let pair = Int(
                        UInt16(littleEndian: UnsafeRawPointer(base + (start &+ 2)).loadUnaligned(as: UInt16.self))
                    )
                    return pairs[third &+ pair >> 6] & (1 << UInt64(pair & 63)) != 0
                }
                /// Whether the three bytes at `place` (four of which can be read) may stand at one of the first
                /// places of a word, by the table of triples.
                @inline(__always) func mayHoldThree(_ place: Int) -> Bool {
                    let four = UInt32(littleEndian: UnsafeRawPointer(base + place).loadUnaligned(as: UInt32.self))
                    let hash = Self.tripleHash((four | 0x2020_2020) & 0xFF_FFFF)
                    return pairs[triples &+ hash >> 6] & (1 << UInt64(hash & 63)) != 0
                }
                let stride4 = step &* 4
                // The last place four bytes can be read at.
                let lastFour = bytes.count &- 4
                var place = 0  // a multiple of `step`
                while place < end {
                    // Four places at a time while none can be in a word.
                    while place &+ stride4 &- step <= lastFour, !mayHoldThree(place), !mayHoldThree(place &+ step),
                        !mayHoldThree(place &+ step &* 2), !mayHoldThree(place &+ step &* 3)
                    {
                        place &+= stride4
                    }
                    // Then one place at a time while four bytes can be read, as tightly: near a text's end, where the
                    // four places no longer fit, the outer loop took each place in turn. The skips stop at a place
                    // whose triple may stand in a word, or past the last place four bytes can be read at.
                    while place <= lastFour, !mayHoldThree(place) { place &+= step }
                    // (The skip may have reached the end: no pair starts there.)
                    if place < end, mayHold(place) {
                        if step == 1 {
                            if mayStart(place) {
                                found |= wordMatches(in: bytes, at: place, lacking: allLists & ~found)
                                if found == allLists { return found }
                            }
                        } else {
                            var offset = 0
                            while offset < step, offset <= place {
                                if mayHold(place, offset: offset), mayStart(place &- offset) {
                                    found |= wordMatches(in: bytes, at: place &- offset, lacking: allLists & ~found)
                                    if found == allLists { return found }
                                }
                                offset &+= 1
                            }
                        }
                    }
                    place &+= step
                }
                return found
            }
        }

        /// The bits of the lists, among `lacking`, a word of ``shortPairs`` of which occurs in `bytes` (two or
        /// more): the places of each of ``shortFirsts`` are found by `memchr`, which passes over the rest of a text
        /// many bytes at a time.
        private func shortWordMatches(in bytes: UnsafeBufferPointer<UInt8>, lacking: UInt8) -> UInt8 {
            guard let base = bytes.baseAddress else { return 0 }
            let (one, two) = shortFirsts
            let end = bytes.count - 1  // where the last pair starts, plus one
            var found: UInt8 = 0
            /// Whether every list of `lacking` has a word, once the pairs at the places of `first` are read.
            func look(for first: UInt8) -> Bool {
                var place = 0
                while place < end, let hit = memchr(base + place, Int32(first), end - place) {
                    place = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                    let pair = UInt16(first) | UInt16(base[place &+ 1]) << 8
                    for index in shortPairs.indices where shortPairs[index] == pair {
                        found |= shortMasks[index] & lacking
                        if found == lacking { return true }
                    }
                    place &+= 1
                }
                return false
            }
            if look(for: one) || one == two { return found }
            _ = look(for: two)
            return found
        }

        /// The bits of the lists, among `lacking`, a word of the pairs table of which starts at `start` in `bytes`
        /// (where a pair starts).
        private func wordMatches(in bytes: UnsafeBufferPointer<UInt8>, at start: Int, lacking: UInt8) -> UInt8 {
            let bucket = Self.bucket(lowered(bytes[start]), lowered(bytes[start &+ 1]))
            return bucketStarts.withUnsafeBufferPointer { bucketStarts in
                var word = Int(bucketStarts[bucket])
                let last = Int(bucketStarts[bucket &+ 1])
                guard word < last else { return 0 }
                return wordOffsets.withUnsafeBufferPointer { wordOffsets in
                    letters.withUnsafeBufferPointer { letters in
                        let room = bytes.count &- start
                        var found: UInt8 = 0
                        while word < last {
                            let from = Int(wordOffsets[word])
                            let count = Int(wordOffsets[word &+ 1]) &- from
                            let mask = wordMasks[word] & lacking
                            word &+= 1
                            guard mask != 0, count <= room else { continue }
                            var offset = 0
                            while offset < count, lowered(bytes[start &+ offset]) == letters[from &+ offset] {
                                offset &+= 1
                            }
                            if offset == count {
                                found |= mask
                                if found == lacking { return found }
                            }
                        }
                        return found
                    }
                }
            }
        }
    }

    /// A set of ASCII characters looked up by byte; no other byte is a member.
    public struct ByteSet: Sendable {
        // Seen by the inlined `contains`, so that every finder's byte test is made in place.
        @usableFromInline var low: UInt64 = 0
        @usableFromInline var high: UInt64 = 0

        /// The set of the ASCII characters of `characters`.
        public init(_ characters: String) {
            var characters = characters
            characters.withUTF8 { bytes in
                for byte in bytes where byte < 0x80 {
                    if byte < 0x40 { low |= 1 << UInt64(byte) } else { high |= 1 << UInt64(byte - 0x40) }
                }
            }
        }

        /// Whether `byte` is a member.
        @inlinable public func contains(_ byte: UInt8) -> Bool {
            byte < 0x40 ? low >> UInt64(byte) & 1 == 1 : byte < 0x80 && high >> UInt64(byte - 0x40) & 1 == 1
        }
    }

    /// Calls `body` with the UTF-8 bytes of `text`, in place when they are stored contiguously (as a native string's
    /// are), else in a copy.
    @inline(__always) static func withBytes<Result>(
        of text: some StringProtocol,
        _ body: (UnsafeBufferPointer<UInt8>) -> Result
    ) -> Result {
        text.withUTF8Bytes(body)
    }

    /// `byte` in lower case, when it is an ASCII capital.
    @inline(__always) static func lowered(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
    }
}

/// Tests on eight bytes of text at once, loaded as a `UInt64`, to skip the runs that hold none of a few bytes.
///
/// Each test is exact about whether some byte matches (never a match made up, never one missed); which byte matched
/// is not told, so a caller reads a word that matches a byte at a time.
public enum ASCIIWord {
    /// The high bit of each byte.
    public static let high: UInt64 = 0x8080_8080_8080_8080
    /// One in each byte.
    public static let ones: UInt64 = 0x0101_0101_0101_0101

    /// The eight bytes at `index` from `base`, unaligned, in memory order.
    @inline(__always) public static func load(_ base: UnsafePointer<UInt8>, at index: Int) -> UInt64 {
        UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
    }

    /// Whether any byte of `word` is `byte`.
    @inline(__always) public static func has(_ word: UInt64, _ byte: UInt8) -> Bool {
        let zeroed = word ^ (ones &* UInt64(byte))
        return (zeroed &- ones) & ~zeroed & high != 0
    }

    /// The high bit of the first byte of `word` (loaded little-endian) that is `byte`, and of some later bytes:
    /// zero when none is, and the lowest bit set is exact.
    @inline(__always) public static func matches(_ word: UInt64, _ byte: UInt8) -> UInt64 {
        let zeroed = word ^ (ones &* UInt64(byte))
        return (zeroed &- ones) & ~zeroed & high
    }

    /// Whether any byte of `word` is below `limit` (at most 128).
    @inline(__always) public static func hasBelow(_ word: UInt64, _ limit: UInt8) -> Bool {
        (word &- ones &* UInt64(limit)) & ~word & high != 0
    }

    /// Whether every byte of `word` is printable ASCII, from space to `~`.
    @inline(__always) static func isPrintable(_ word: UInt64) -> Bool {
        word & high == 0 && !hasBelow(word, 0x20) && !has(word, 0x7F)
    }
}
