/// The people found so far, one record per person: a name listed twice, or named again by a role line
/// (`Chair: Ann`), is merged into the first record.
struct PersonRoster {
    /// A person and the list they belong to.
    struct Member {
        var group: PeopleGroup
        var person: Person
        /// ``PersonRoster/key(_:)`` of the name: its words joined by one space.
        var key: String
        /// The label or heading the person was listed under, normalised; empty for role lines.
        var label: String = ""
    }

    private(set) var members: [Member] = []
    /// ``PeopleWords/tags(forRole:)`` of each role read so far, looked through rather than hashed.
    ///
    /// A label gives the same role to everyone under it, and a note has a few roles.
    private var tagsOfRole: [(role: String, tags: [String])] = []
    /// The label read last and its ``PeopleWords/labelKey(_:)``: everyone of a block has the same label.
    private var lastLabel: (label: String, key: String)?

    /// ``PeopleWords/labelKey(_:)`` of `label`, read once for a run of people under it.
    private mutating func labelKey(_ label: String) -> String {
        if let lastLabel, lastLabel.label == label { return lastLabel.key }
        let key = PeopleWords.labelKey(label)
        lastLabel = (label, key)
        return key
    }

    /// ``PeopleWords/tags(forRole:)`` of `role`, read once for each role.
    private mutating func roleTags(_ role: String) -> [String] {
        if let known = tagsOfRole.first(where: { $0.role == role }) { return known.tags }
        let tags = PeopleWords.tags(forRole: role)
        // Room for the few roles of a note, made once rather than grown role by role.
        if tagsOfRole.isEmpty { tagsOfRole.reserveCapacity(8) }
        tagsOfRole.append((role, tags))
        return tags
    }

    /// Adds a person read from a people block, or merges them into the record with the same name.
    mutating func add(
        _ entry: PersonEntry,
        group: PeopleGroup,
        labelRole: String? = nil,
        labelTag: String? = nil,
        label: String = "",
        lines: LineSpan
    ) {
        add(
            entry,
            key: Self.key(entry.name),
            group: group,
            labelRole: labelRole,
            labelTag: labelTag,
            label: label,
            lines: lines
        )
    }

    /// ``add(_:group:labelRole:labelTag:label:lines:)`` of an entry whose name's ``key(_:)`` is `key`.
    private mutating func add(
        _ entry: PersonEntry,
        key: String,
        group: PeopleGroup,
        labelRole: String? = nil,
        labelTag: String? = nil,
        label: String = "",
        lines: LineSpan
    ) {
        let role = entry.role ?? labelRole
        var tags = role.map { roleTags($0) } ?? []
        if let labelTag, !tags.contains(labelTag) { tags.append(labelTag) }
        let person = Person(
            name: entry.name,
            organization: entry.organization,
            role: role,
            roles: tags,
            handle: entry.handle,
            lines: lines
        )
        if let index = members.firstIndex(where: { $0.key == key }) {
            merge(person, into: index)
        } else {
            members.append(Member(group: group, person: person, key: key, label: labelKey(label)))
        }
    }

    /// Moves people listed under one of `labels` (`In attendance`) to the attendees when no other list names
    /// those present.
    mutating func promoteSoleList(labels: Set<String>) {
        guard !members.contains(where: { $0.group == .attendees && !$0.label.isEmpty }) else { return }
        for index in members.indices where members[index].group == .officials && labels.contains(members[index].label) {
            members[index].group = .attendees
        }
    }

    /// Gives `role` to the person a role line names, adding them as an attendee when they are not listed.
    mutating func add(_ entry: PersonEntry, role: String, lines: LineSpan) {
        // The key is read once, for the match and for the record added.
        let key = Self.key(entry.name)
        let person = Person(
            name: entry.name,
            organization: entry.organization,
            role: role,
            roles: roleTags(role),
            handle: entry.handle,
            lines: lines
        )
        if let index = match(entry, key: key) {
            merge(person, into: index)
        } else {
            members.append(Member(group: .attendees, person: person, key: key))
        }
    }

    /// Adds a person named in passing (`Apologies were received from Cllr Sato`) unless someone listed already
    /// fits the name.
    mutating func addUnlessListed(_ entry: PersonEntry, group: PeopleGroup, lines: LineSpan) {
        let key = Self.key(entry.name)
        guard match(entry, key: key) == nil else { return }
        add(entry, key: key, group: group, lines: lines)
    }

    /// The people of `group`, in the order of their lines.
    func people(in group: PeopleGroup) -> [Person] {
        // The members' first lines and indices are sorted, not copies of the people: each copy would retain all of
        // its fields, and each look into a member from the comparison would too.
        var order: [(line: Int, index: Int)] = []
        order.reserveCapacity(members.count)
        for index in members.indices where members[index].group == group {
            order.append((members[index].person.lines.first, index))
        }
        order.sort { ($0.line, $0.index) < ($1.line, $1.index) }
        return order.map { members[$0.index].person }
    }

    /// The record a role line's name points at: the same name, or a lone first name or handle that fits one
    /// person only; `key` is ``key(_:)`` of the name.
    private func match(_ entry: PersonEntry, key: String) -> Int? {
        if let index = members.firstIndex(where: { $0.key == key }) { return index }
        if let handle = entry.handle?.lowercased(),
            let index = members.firstIndex(where: { $0.person.handle?.lowercased() == handle })
        {
            return index
        }
        // The words of a key are the runs between its single spaces (a word holds no space, and none is empty): they
        // are compared on the bytes of the keys, without splitting them.
        if !key.isEmpty, !PeopleBytes.containsByte(key, UInt8(ascii: " ")) {
            let candidates = members.indices.filter {
                Self.opens(members[$0].key, withWord: key) || members[$0].person.handle?.lowercased() == "@" + key
            }
            if !candidates.isEmpty { return candidates.count == 1 ? candidates.first : nil }
        }
        // `Cllr Sato` for `Cllr D. Sato`: every word of the name, in a longer name (the few words of each are looked
        // through rather than made sets).
        let candidates = members.indices.filter { Self.hasEveryWord(of: key, in: members[$0].key) }
        return candidates.count == 1 ? candidates.first : nil
    }

    /// Whether the first word of the key `key` is `word`.
    static func opens(_ key: String, withWord word: String) -> Bool {
        PeopleBytes.withBytes(key) { key in
            PeopleBytes.withBytes(word) { word in
                key.count >= word.count && (key.count == word.count || key[word.count] == UInt8(ascii: " "))
                    && key.prefix(word.count).elementsEqual(word)
            }
        }
    }

    /// Whether each word of the key `key` is a word of the key `other`.
    static func hasEveryWord(of key: String, in other: String) -> Bool {
        PeopleBytes.withBytes(key) { key in
            PeopleBytes.withBytes(other) { other in
                var start = 0
                while let word = PeopleBytes.nextWord(in: key, from: start) {
                    start = word.upperBound
                    var found = false
                    var otherStart = 0
                    while !found, let otherWord = PeopleBytes.nextWord(in: other, from: otherStart) {
                        otherStart = otherWord.upperBound
                        found = other[otherWord].elementsEqual(key[word])
                    }
                    if !found { return false }
                }
                return true
            }
        }
    }

    private mutating func merge(_ person: Person, into index: Int) {
        var existing = members[index].person
        if existing.organization == nil { existing.organization = person.organization }
        if existing.handle == nil { existing.handle = person.handle }
        if let role = person.role {
            if let current = existing.role {
                if !current.lowercased().contains(role.lowercased()) { existing.role = current + "; " + role }
            } else {
                existing.role = role
            }
        }
        for tag in person.roles where !existing.roles.contains(tag) { existing.roles.append(tag) }
        members[index].person = existing
    }

    /// The words of a name that identify it (lower case, without honorifics and punctuation), joined by one space: one
    /// string to compare, rather than an array of them.
    static func key(_ name: String) -> String {
        if let key = latinKey(name) { return key }
        let lower = PeopleText.lowercased(name)
        let words = PeopleBytes.isPlain(lower) ? plainKeyWords(lower) : keyWords(lower)
        // The words are in lower case: ASCII ones are looked up on their bytes.
        let filtered = words.filter {
            !(PeopleWords.honorificBytes.containsLowered($0) ?? PeopleWords.honorifics.contains($0))
        }
        return (filtered.isEmpty ? words : filtered).joined(separator: " ")
    }

    /// ``key(_:)`` of a name of ASCII and Latin letters, read in one pass over its bytes (lowered as read) and made one
    /// string; `nil` when `name` holds another character.
    ///
    /// Beside ASCII, the name may hold Latin-1 letters and signs (`À` to `ÿ`: `×` and `÷` part words), letters of
    /// Latin Extended-A that lower to the next scalar (``PeopleText/latinExtendedAIsUpper(lead:_:)``) and general
    /// punctuation as plain text holds it (`’` is dropped, the rest part words): each is a character of its own, and
    /// lowers to as many bytes. A word beyond ASCII is no honorific, all of which are ASCII.
    private static func latinKey(_ name: String) -> String? {
        PeopleBytes.withBytes(name) { bytes -> String? in
            // The letters of the words, lowered, one after another, and where each word is in them: the strings are
            // made once it is known which words are kept.
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(bytes.count, 1)) { letters in
                withUnsafeTemporaryAllocation(
                    of: (range: Range<Int>, honorific: Bool).self,
                    capacity: bytes.count / 2 + 1
                ) { words in
                    var count = 0
                    var wordCount = 0
                    var start = 0
                    var honorifics = 0
                    func endWord() {
                        guard count > start else { return }
                        let honorific = PeopleWords.honorificBytes.containsLowered(
                            UnsafeBufferPointer(rebasing: letters[start..<count])
                        )
                        words[wordCount] = (start..<count, honorific)
                        if honorific { honorifics += 1 }
                        wordCount += 1
                        start = count
                    }
                    func keep(_ lead: UInt8, _ last: UInt8) {
                        letters[count] = lead
                        letters[count + 1] = last
                        count += 2
                    }
                    var index = 0
                    while index < bytes.count {
                        let byte = bytes[index]
                        if byte < 0x80 {
                            if PeopleText.isAlphanumeric(byte) || byte == UInt8(ascii: "@") {
                                letters[count] = PeopleBytes.isUpperLetter(byte) ? byte | 0x20 : byte
                                count += 1
                            } else if byte != UInt8(ascii: "'"), byte != UInt8(ascii: ".") {
                                endWord()
                            }
                            index += 1
                        } else if byte == 0xC3, index + 1 < bytes.count {
                            // `À` to `Þ` lower by 0x20; `×` and `÷` are no letters.
                            let last = bytes[index + 1]
                            if last == 0x97 || last == 0xB7 {
                                endWord()
                            } else {
                                keep(byte, 0x80...0x9E ~= last ? last + 0x20 : last)
                            }
                            index += 2
                        } else if byte == 0xC4 || byte == 0xC5, index + 1 < bytes.count,
                            let upper = PeopleText.latinExtendedAIsUpper(lead: byte, bytes[index + 1])
                        {
                            keep(byte, upper ? bytes[index + 1] + 1 : bytes[index + 1])
                            index += 2
                        } else if byte == 0xE2, index + 2 < bytes.count,
                            PeopleBytes.isPunctuation(second: bytes[index + 1], third: bytes[index + 2])
                        {
                            if bytes[index + 1] != 0x80 || bytes[index + 2] != 0x99 { endWord() }
                            index += 3
                        } else {
                            return nil
                        }
                    }
                    endWord()
                    // The words that are no honorific, unless none is (or all are): then every word. Each word took
                    // as many bytes of the name as its letters at least, and each break between two words one: the
                    // key fits.
                    let keepAll = honorifics == 0 || honorifics == wordCount
                    return String(unsafeUninitializedCapacity: max(bytes.count, 1)) { key in
                        var length = 0
                        for index in 0..<wordCount where keepAll || !words[index].honorific {
                            if length > 0 {
                                key[length] = UInt8(ascii: " ")
                                length += 1
                            }
                            for letter in letters[words[index].range] {
                                key[length] = letter
                                length += 1
                            }
                        }
                        return length
                    }
                }
            }
        }
    }

    /// The words of a lower-case name: runs of letters, digits and `@`, without apostrophes and full stops.
    static func keyWords(_ lower: String) -> [String] {
        var words: [String] = []
        var current = ""
        for character in lower {
            if character.isLetter || character.isNumber || character == "@" {
                current.append(character)
            } else if character == "'" || character == "’" || character == "." {
                continue
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    /// ``keyWords(_:)`` of plain text (``PeopleBytes/isPlain(_:)``), whose scalars are its characters: ASCII ones are
    /// told apart on their bytes.
    private static func plainKeyWords(_ lower: String) -> [String] {
        PeopleBytes.withBytes(lower) { bytes in
            var words: [String] = []
            var current: [UInt8] = []
            current.reserveCapacity(bytes.count)
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                // Plain text has scalars of one byte, two (lead `C2` to `CB`) or three (lead `E2`).
                let length = byte < 0x80 ? 1 : byte >= 0xE0 ? 3 : 2
                let scalar = bytes[index..<min(index + length, bytes.count)]
                index += length
                let kept: Bool
                if byte < 0x80 {
                    if byte == UInt8(ascii: "'") || byte == UInt8(ascii: ".") { continue }
                    kept = PeopleText.isAlphanumeric(byte) || byte == UInt8(ascii: "@")
                } else if length == 2, scalar.count == 2,
                    let latin = PeopleBytes.latinLetterOrNumber(lead: byte, last: scalar[scalar.endIndex - 1])
                {
                    // Latin letters are told by their bytes, without a character made of them.
                    kept = latin
                } else {
                    let character = Character(String(decoding: scalar, as: UTF8.self))
                    if character == "’" { continue }
                    kept = character.isLetter || character.isNumber
                }
                if kept, length == 1 {
                    current.append(byte)
                } else if kept {
                    current.append(contentsOf: scalar)
                } else if !current.isEmpty {
                    words.append(String(decoding: current, as: UTF8.self))
                    current.removeAll(keepingCapacity: true)
                }
            }
            if !current.isEmpty { words.append(String(decoding: current, as: UTF8.self)) }
            return words
        }
    }
}
