import Ingest

/// One person as written in a people block, before it becomes a ``Person``.
struct PersonEntry: Hashable, Sendable {
    /// The name as written, without handles or notes in brackets.
    var name: String
    /// The organisation, when stated.
    var organization: String?
    /// The role as written.
    var role: String?
    /// A handle such as `@name`.
    var handle: String?
    /// Where a roll call puts the person (`Ann Lee - apologies`), when it says.
    var status: PeopleGroup?
    /// Whether the role is only a lower-case word in brackets (`(bikes)`, `(kettle-lang)`), which may as well
    /// name a project or company.
    var weakRole = false
}

/// Reads the entries of people blocks: `Name, Organisation- role`, `Name (Organisation)`, `Name - Org - role`,
/// `Name @handle (role/Org)`, `Name (@handle) - TSC`, bare names and initials, and comma lists of them.
enum PersonEntryParser {
    static let dashes: Set<Character> = ["-", "–", "—"]
    /// What entries and brackets are split at.
    static let commasAndSemicolons = Separators([",", ";"])
    static let commas = Separators([","])
    static let semicolons = Separators([";"])

    /// Characters to split at, with their bytes when each is one ASCII scalar.
    struct Separators: Sendable {
        let characters: Set<Character>
        /// The bytes of ``characters``, or `nil` when one is not a single ASCII scalar.
        let bytes: [UInt8]?

        init(_ characters: Set<Character>) {
            self.characters = characters
            let bytes = characters.compactMap { $0.unicodeScalars.count == 1 ? $0.asciiValue : nil }
            self.bytes = bytes.count == characters.count ? bytes : nil
        }
    }
    static let functionWords: Set<String> = [
        "of", "and", "for", "the", "to", "in", "at", "on", "with", "by", "from", "a", "an", "&", "or",
    ]
    /// ``functionWords``, looked up by the bytes of ASCII text.
    static let functionWordBytes = PeopleWordSet(functionWords)

    // MARK: One entry

    /// Reads one entry; `nil` when its name does not look like a person's.
    ///
    /// `allowLowercaseName` accepts a lone lower-case word (a user name) as the name, as list items may have;
    /// `cleaned` is `Cleaned(text)` when the caller has it already.
    static func parse(_ text: String, allowLowercaseName: Bool = false, cleaned: Cleaned? = nil) -> PersonEntry? {
        // A sentence of prose names no one: a look at its bytes finds more words before the first comma than a name
        // has, without the work below.
        if PeopleBytes.opensWithLongPhrase(text) { return nil }
        // The caller's reading is borrowed, not copied into one of its own.
        if let cleaned { return entry(text, allowLowercaseName: allowLowercaseName, cleaned: cleaned) }
        return entry(text, allowLowercaseName: allowLowercaseName, cleaned: Cleaned(text))
    }

    /// ``parse(_:allowLowercaseName:cleaned:)`` of a text that opens with no long phrase, cleaned and split at its
    /// brackets as `cleaned`.
    private static func entry(_ text: String, allowLowercaseName: Bool, cleaned: Cleaned) -> PersonEntry? {
        guard !cleaned.text.isEmpty, !isNobodyWord(cleaned.text) else { return nil }
        var handle: String?
        var descriptors = Descriptors()
        // Brackets: a handle, a role, `role/Org`, an organisation, or a note.
        let inside = cleaned.inside
        var main = cleaned.outside
        // An unclosed bracket (`Ann Lee (alee`) holds a broken handle or note: kept only as a role.
        let unclosed = !inside.isEmpty && hasUnclosedBracket(text)
        for (position, content) in inside.enumerated() {
            if unclosed, position == inside.count - 1, !hasRoleWord(content) { continue }
            // `Jane Smith [JS]`: the person's initials, a note like a handle, not an organisation.
            if areInitials(content, of: main) { continue }
            // Without a comma or semicolon byte (nor the lead byte of U+037E, which equals `;`) the content is one
            // piece, read without splitting it.
            if PeopleBytes.containsByte(
                content,
                where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: ";") || $0 == 0xCD }
            ) {
                for piece in splitTopLevel(content, separators: commasAndSemicolons) {
                    readBracketPiece(piece, handle: &handle, descriptors: &descriptors)
                }
            } else {
                // The content of a bracket is tidy.
                readBracketPiece(content, isTidy: true, handle: &handle, descriptors: &descriptors)
            }
        }
        // `@handle` outside brackets; without an `@` byte there is none, nor an e-mail address.
        if PeopleBytes.containsByte(main, UInt8(ascii: "@")) {
            var words = PeopleText.words(main).map(String.init)
            // E-mail addresses say nothing the name does not.
            let wordCount = words.count
            words.removeAll { word in
                PeopleBytes.containsByte(word, UInt8(ascii: "@")) && word.dropFirst().contains("@")
                    && !word.hasPrefix("@")
            }
            // `main` is tidy, so its words joined again are `main` itself.
            if words.count != wordCount { main = words.joined(separator: " ") }
            if words.count > 1 {
                if let index = words.firstIndex(where: { $0.hasPrefix("@") && $0.count > 1 }) {
                    handle = handle ?? words[index].trimmingPlain(",;.:")
                    words.remove(at: index)
                    main = tidy(words.joined(separator: " "))
                }
            }
        }
        // The text outside brackets is tidy, and so is what the handle look leaves of it. Most entries have no
        // separator, and are their one segment: no array of segments is made for them.
        let first: String
        var segments: [String] = []
        if mayHaveSegments(main) {
            segments = self.segments(of: main, textIsTidy: true)
            guard let head = segments.first else { return nil }
            first = head
        } else {
            guard !main.isEmpty, !isNobody(main) else { return nil }
            first = main
        }
        let name = clean(first.trimmingPlain(" ,;:"))
        // What `clean(_:)` gives is tidy.
        guard isNameLike(tidied: name, allowLowercase: allowLowercaseName) else { return nil }
        if PeopleText.hasPrefix(name, ascii: "@") { handle = handle ?? name }
        var entry = PersonEntry(name: name, handle: handle)
        for segment in segments.dropFirst() {
            // `Name (@h) - XYZ`: an acronym after a handle names the group the person belongs to.
            if handle != nil, isAcronym(segment), entry.role == nil {
                entry.role = segment
                continue
            }
            // The segments that name nobody are dropped already.
            describe(&entry, with: segment, inBrackets: false, somebody: true)
        }
        descriptors.forEach { descriptor in
            switch descriptor {
            case .either(let text) where handle != nil && isAcronym(text) && entry.role == nil:
                // `Name @h (XYZ)`: an acronym after a handle names the person's group.
                entry.role = text
            case .either(let text): describe(&entry, with: text, inBrackets: true)
            case .role(let text): entry.role = entry.role.map { $0 + ", " + text } ?? text
            case .organization(let text): entry.organization = entry.organization.map { $0 + ", " + text } ?? text
            }
        }
        return entry
    }

    /// Reads one piece of a bracket of an entry: a handle (`@ann`), or what ``bracketDescriptors(_:into:)`` finds.
    ///
    /// `isTidy` says that `piece` is tidy already.
    private static func readBracketPiece(
        _ piece: String,
        isTidy: Bool = false,
        handle: inout String?,
        descriptors: inout Descriptors
    ) {
        let part = isTidy ? piece : tidy(piece)
        if PeopleText.hasPrefix(part, ascii: "@") && !PeopleText.contains(part, UInt8(ascii: " ")) {
            handle = handle ?? part
        } else if !part.isEmpty {
            bracketDescriptors(part, into: &descriptors)
        }
    }

    /// An entry's text cleaned (``clean(_:)``) and split at its brackets (``splitBrackets(_:)``): what ``parse(_:allowLowercaseName:cleaned:)``
    /// and ``looksLikeList(_:allowPairs:cleaned:)`` both read first.
    struct Cleaned {
        /// The text cleaned.
        let text: String
        /// The cleaned text outside brackets, tidied.
        let outside: String
        /// The content of each bracket, tidied.
        let inside: [String]

        /// Splits `text`, which cleans to itself (``clean(_:)``), at its brackets.
        init(clean text: String) {
            self.text = text
            // What cleans to itself is what `clean(_:)` gives: tidy.
            (outside, inside) = splitBrackets(text, textIsTidy: true)
        }

        /// Cleans `raw` and splits it at its brackets.
        init(_ raw: String) {
            text = clean(raw)
            // What `clean(_:)` gives is tidy.
            (outside, inside) = splitBrackets(text, textIsTidy: true)
        }
    }

    /// Whether `text` is two to five capital letters (`TSC`, `WG`).
    static func isAcronym(_ text: String) -> Bool {
        // ASCII text is one if each byte is a capital, a character of its own.
        let ascii = text.utf8.withContiguousStorageIfAvailable { bytes -> Bool? in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            return (2...5).contains(bytes.count) && bytes.allSatisfy(PeopleBytes.isUpperLetter)
        }
        if let ascii, let ascii { return ascii }
        return (2...5).contains(text.count) && text.allSatisfy { $0.isUppercase && $0.isLetter }
    }

    /// Whether a bracket holds the initials of `name` (`Prof. Jane Smith [JS]`), titles aside.
    static func areInitials(_ content: String, of name: String) -> Bool {
        guard isAcronym(content) else { return false }
        let initials = PeopleText.words(name)
            .filter { !PeopleWords.honorifics.contains(PeopleText.loweredTrimming($0, ".")) }
            .compactMap(\.first).filter(\.isUppercase)
        guard initials.count >= 2 else { return false }
        return String(initials) == content
            || (content.count == 2 && content.first == initials.first
                && content.last == initials.last)
    }

    /// Reads a comma list such as `Ann, Bob (chair), Cy Dee`.
    ///
    /// A part that is a role or an organisation describes the person before it (`Ann Lee, Branch Librarian,
    /// Hollin Library`). Parts that name nobody (`None`, `4 members of the public`) are dropped; the rest that
    /// fail are returned.
    static func parseList(_ text: String) -> (entries: [PersonEntry], failures: [String]) {
        let value = clean(text)
        let separators = PeopleText.contains(value, UInt8(ascii: ";")) ? semicolons : commasAndSemicolons
        var entries: [PersonEntry] = []
        var failures: [String] = []
        // Plain pieces come without the spaces around them, which cleaning would drop (most pieces but the first have
        // one): the piece is then clean as it stands, most often, and is not copied again without them.
        for piece in splitTopLevel(value, separators: separators, mayTrimSpaces: true) {
            var part = clean(piece)
            // A piece that cleaning leaves as it is cleans to itself again: its reading below need not clean it. So does
            // a plain piece that cleaning leaves as it is but for spaces at its ends (the pieces of a text that is not
            // plain throughout keep theirs): cleaning gives the same with those spaces or without them.
            var partIsClean = part == piece || (PeopleBytes.isSpaced(piece, around: part) && PeopleBytes.isPlain(part))
            // Only `a`, `A` or `&` lowers to the first character of a lead.
            for lead in ["and ", "& "]
            where [UInt8(ascii: "a"), UInt8(ascii: "A"), UInt8(ascii: "&")].contains(part.utf8.first ?? 0)
                && PeopleText.lowercased(part).hasPrefix(lead)
            {
                part = tidy(String(part.dropFirst(lead.count)))
                partIsClean = false
            }
            if isNobody(part) || isCount(part) { continue }
            // `Ann and Bob Roy`: the entries read while splitting.
            if let names = conjunction(part) {
                entries += names.map(\.entry)
                continue
            }
            let userName =
                !PeopleText.contains(part, UInt8(ascii: " ")) && isUserName(part)
                && !PeopleWords.roleWords.contains(PeopleText.lowercased(part))
            // Both readings below split the part at its brackets; a clean part is split once for both.
            let cleaned = partIsClean ? Cleaned(clean: part) : Cleaned(part)
            if !entries.isEmpty, !userName,
                isDescription(outside: cleaned.text == part ? cleaned.outside : splitBrackets(part).outside)
            {
                describe(&entries[entries.count - 1], with: part, inBrackets: false, somebody: true)
                continue
            }
            if let entry = parse(part, allowLowercaseName: true, cleaned: cleaned) {
                entries.append(entry)
            } else {
                failures.append(part)
            }
        }
        settleWeakRoles(&entries)
        return (entries, failures)
    }

    /// Whether a block line is a comma list of plain names rather than `Name, Org- role`: at least three names,
    /// or with `allowPairs`, two names of two words or more each (`Ann Lee, Bob Roy`).
    ///
    /// `cleaned` is `Cleaned(text)` when the caller has it already.
    static func looksLikeList(_ text: String, allowPairs: Bool = false, cleaned: Cleaned? = nil) -> Bool {
        // Only the text outside brackets is read: the rest of `cleaned` is not copied.
        let outside = cleaned?.outside ?? Cleaned(text).outside
        // Every part must be a name, whatever their number: a piece whose part is none ends the look before the
        // pieces after it are read.
        var count = 0
        var allOfTwoWords = true
        // Whether the tidy `piece` reads as names; `false` ends the look.
        func readsAsNames(_ piece: String) -> Bool {
            var part = piece
            // The leads are read on the bytes; each is as many characters as it has bytes.
            if PeopleText.hasPrefix(part, ascii: "and ") { part = tidy(String(part.dropFirst(4))) }
            if PeopleText.hasPrefix(part, ascii: "& ") { part = tidy(String(part.dropFirst(2))) }
            // Splitting at ` and ` parses both sides, the dearest look: a part none of whose readings is all names
            // ends the look first. A part without those bytes does not split (``conjunction(_:)`` needs them).
            let joined = PeopleBytes.containsBytes(part, " and ") || PeopleBytes.containsBytes(part, " & ")
            if joined, !mayReadAsNames(part) { return false }
            // Each part is tidy, and outside brackets holds no opening bracket: it is its own text outside brackets.
            func readsAsName(_ part: String) -> Bool {
                guard isNameLike(tidied: part, allowLowercase: false), !isDescription(outside: part) else {
                    return false
                }
                count += 1
                allOfTwoWords = allOfTwoWords && PeopleText.wordCount(part) >= 2
                return true
            }
            guard joined else { return readsAsName(part) }
            for part in splitConjunction(part) where !readsAsName(part) { return false }
            return true
        }
        // Outside brackets every comma byte of plain text parts pieces, and a piece has ` and ` or ` & ` where the text
        // does: too few pieces without them make no list. The pieces are read one at a time off the bytes, each made a
        // tidy string only when those before it read as names.
        let plain = PeopleBytes.withBytes(outside) { bytes -> Bool? in
            guard PeopleBytes.isPlain(bytes) else { return nil }
            let pieces = bytes.count { $0 == UInt8(ascii: ",") } + 1
            if pieces < 3, !(allowPairs && pieces == 2), !PeopleBytes.containsBytes(bytes, " and "),
                !PeopleBytes.containsBytes(bytes, " & ")
            {
                return false
            }
            // A dash between spaces is a word of its own in the piece that holds it (a dash holds no comma), and of one
            // of its parts at ` and ` or ` & `: a word that starts with no capital and is no particle, which no name has
            // (`Ann Lee, Riverside Trust - Chair`). The look ends before any piece is made a string.
            if PeopleBytes.containsBytes(bytes, " - ") || PeopleBytes.containsBytes(bytes, " – ")
                || PeopleBytes.containsBytes(bytes, " — ")
            {
                return false
            }
            var start = 0
            for index in 0...bytes.count where index == bytes.count || bytes[index] == UInt8(ascii: ",") {
                guard readsAsNames(tidy(bytes: UnsafeBufferPointer(rebasing: bytes[start..<index]))) else {
                    return false
                }
                start = index + 1
            }
            return true
        }
        if plain == false { return false }
        if plain == nil {
            let pieces = splitTopLevel(outside, separators: commas)
            // Only a piece with ` and ` or ` & ` splits into more (the text outside brackets is tidy, so a piece has
            // them when its tidied part does): without one, too few pieces make no list.
            if pieces.count < 3, !(allowPairs && pieces.count == 2),
                !pieces.contains(where: {
                    PeopleBytes.containsBytes($0, " and ") || PeopleBytes.containsBytes($0, " & ")
                })
            {
                return false
            }
            for piece in pieces where !readsAsNames(tidy(piece)) { return false }
        }
        return count >= 3 || (allowPairs && count == 2 && allOfTwoWords)
    }

    /// Whether some reading of `part` that ``splitConjunction(_:)`` may give (`part` itself, or its parts at ` and ` or
    /// ` & `) is all names that are no descriptions, as ``looksLikeList(_:allowPairs:cleaned:)`` needs; `false` only
    /// when none is.
    private static func mayReadAsNames(_ part: String) -> Bool {
        // `part` and its parts are tidy, without an opening bracket: each is its own text outside brackets.
        if isNameLike(tidied: part, allowLowercase: false), !isDescription(outside: part) { return true }
        for separator in [" and ", " & "] where PeopleBytes.containsBytes(part, separator) {
            let parts = splitTopLevel(part, phrase: separator)
            if parts.count > 1,
                parts.allSatisfy({ isNameLike(tidied: $0, allowLowercase: false) && !isDescription(outside: $0) })
            {
                return true
            }
        }
        return false
    }

    /// Whether `text` says nothing about anyone: empty, `None`, `N/A`.
    static func isNobody(_ text: String) -> Bool {
        // Text with letters or digits is nobody only as one of the words, which its first two may rule out at a look
        // at its first bytes.
        if !nobodyLeads.mayMatch(text) { return false }
        // More letters and digits than the longest word for nobody (`no apologies received`) has: someone, or
        // something, but never nobody.
        if PeopleBytes.alphanumericCount(text, atLeast: longestNobody + 1) { return false }
        let key = PeopleText.lowercased(clean(text)).trimmingPlain(" .()[]")
        return key.isEmpty || PeopleWords.nobody.contains(key)
            || PeopleText.allSatisfy(
                key,
                ascii: { PeopleText.isOne($0, of: "-*_.=|") },
                character: { "-–—*_.=|".contains($0) }
            )
    }

    /// Whether `text` in lower case is one of ``PeopleWords/nobody``; text with more letters and digits than any of
    /// them is not, without lowering it.
    private static func isNobodyWord(_ text: String) -> Bool {
        nobodyLeads.mayMatch(text) && !PeopleBytes.alphanumericCount(text, atLeast: longestNobody + 1)
            && PeopleWords.nobody.contains(PeopleText.lowercased(text))
    }

    /// The length of the longest of ``PeopleWords/nobody``.
    private static let longestNobody = PeopleWords.nobody.map(\.count).max() ?? 0

    /// How the words of ``PeopleWords/nobody`` start.
    static let nobodyLeads = LeadPairs(PeopleWords.nobody)

    /// `4 members of the public`: a head count, not a person.
    static func isCount(_ text: String) -> Bool {
        // Most text starts with an ASCII letter, which its first bytes tell without reading a character.
        guard startsWithNumber(text) else { return false }
        let digits = text.prefix { $0.isNumber }
        return text.dropFirst(digits.count).hasPrefix(" ")
    }

    /// Reads lower-case brackets as the rest of the list does: as organisations where more entries name an
    /// organisation (`Ann (Tidewater), Bob (kettle-lang)`) than a role.
    static func settleWeakRoles(_ entries: inout [PersonEntry]) {
        let organisations = entries.count { $0.organization != nil }
        let roles = entries.count { $0.role != nil && !$0.weakRole }
        guard organisations > roles else { return }
        for index in entries.indices where entries[index].weakRole && entries[index].organization == nil {
            entries[index].organization = entries[index].role
            entries[index].role = nil
            entries[index].weakRole = false
        }
    }

    // MARK: Names

    /// Whether `text` looks like a person's name: one to six capitalised words, initials, particles (`van`, `de`)
    /// and honorifics, or a lone `@handle`; never a role, an organisation, or a word such as `None`.
    static func isNameLike(_ text: String, allowLowercase: Bool) -> Bool {
        isNameLike(tidied: tidy(text), allowLowercase: allowLowercase)
    }

    /// ``isNameLike(_:allowLowercase:)`` of a tidy `name`.
    static func isNameLike(tidied name: String, allowLowercase: Bool) -> Bool {
        let read = PeopleBytes.withBytes(name) { bytes -> Bool? in
            guard bytes.allSatisfy({ $0 < 0x80 }) else {
                return isNameLike(latin: bytes, allowLowercase: allowLowercase) { isUserName(name) }
            }
            return isNameLike(ascii: bytes, allowLowercase: allowLowercase) { isUserName(name) }
        }
        return read ?? isNameLike(characters: name, allowLowercase: allowLowercase)
    }

    /// ``isNameLike(characters:allowLowercase:)`` of tidy Latin `name`, given as its UTF-8 bytes; `nil` otherwise.
    ///
    /// Latin text holds characters beyond ASCII, each of them a Latin-1 letter, `×`, `÷`, a letter of Latin
    /// Extended-A or general punctuation (``PeopleBytes/latinScalarLength(_:at:)``). `isUserName` tells whether
    /// `name` is a user name.
    ///
    /// Each scalar of such text is a character. The words of the lists a name is looked up in are ASCII, but the
    /// dashes and ellipsis of ``PeopleWords/nobody``, so that a word that keeps a byte beyond ASCII is none of them;
    /// an ASCII word is looked up on its bytes.
    static func isNameLike(
        latin name: UnsafeBufferPointer<UInt8>,
        allowLowercase: Bool,
        isUserName: () -> Bool
    ) -> Bool? {
        var characters = 0
        var index = 0
        while index < name.count {
            guard let length = PeopleBytes.latinScalarLength(name, at: index) else { return nil }
            characters += 1
            index += length
        }
        // ASCII text is the ASCII reading's, which looks words up whole.
        guard characters < name.count else { return nil }
        if name.first == UInt8(ascii: "@") { return name.count > 1 && !name.contains(UInt8(ascii: " ")) }
        guard !name.isEmpty, characters <= 60, !PeopleBytes.isNobodyMark(name) else { return false }
        let wordCount = PeopleBytes.wordCount(name)
        guard wordCount <= 6 else { return false }
        if wordCount == 1, allowLowercase, isUserName() { return true }
        func isASCII(_ range: Range<Int>) -> Bool { name[range].allSatisfy { $0 < 0x80 } }
        var capitalised = 0
        var position = 0
        var lastWord: Range<Int>?
        while let word = PeopleBytes.nextWord(in: name, from: lastWord?.upperBound ?? 0) {
            defer { position += 1 }
            lastWord = word
            let bare = PeopleBytes.trimmedLatin(word, in: name, quotes: true) { PeopleText.isOne($0, of: "\"'()") }
            guard !bare.isEmpty else { return false }
            // The word lowered without its full stops: in a list only when it is ASCII.
            let lower = PeopleBytes.trimmed(bare, in: name) { $0 == UInt8(ascii: ".") }
            let asciiLower = isASCII(lower) ? UnsafeBufferPointer(rebasing: name[lower]) : nil
            if position > 0, let asciiLower, PeopleWords.nameParticleBytes.containsLowered(asciiLower) { continue }
            guard PeopleBytes.startsUpperLatin(name, at: bare.lowerBound),
                PeopleBytes.allLatinNameCharacters(name, bare)
            else { return false }
            if !(asciiLower.map(PeopleWords.honorificBytes.containsLowered) ?? false) { capitalised += 1 }
        }
        guard capitalised > 0, let lastWord else { return false }
        let trimmedLast = PeopleBytes.trimmedLatin(lastWord, in: name, quotes: false) {
            PeopleText.isOne($0, of: ".,'")
        }
        guard isASCII(trimmedLast) else { return true }
        let last = UnsafeBufferPointer(rebasing: name[trimmedLast])
        return lastWordLeavesAName(last, wordCount: wordCount)
    }

    /// ``isNameLike(_:allowLowercase:)`` of tidy `name`, read by its characters.
    static func isNameLike(characters name: String, allowLowercase: Bool) -> Bool {
        if name.hasPrefix("@") { return name.count > 1 && !PeopleText.contains(name, UInt8(ascii: " ")) }
        let key = PeopleText.lowercased(name)
        guard !name.isEmpty, name.utf8.count <= 60 || name.count <= 60,
            !(nobodyLeads.mayMatch(name) && PeopleWords.nobody.contains(key)),
            !(notNameLeads.mayMatch(name) && PeopleWords.notNames.contains(key))
        else { return false }
        let words = PeopleText.words(name).map(String.init)
        guard words.count <= 6 else { return false }
        if words.count == 1, allowLowercase, isUserName(name) { return true }
        var capitalised = 0
        for (index, word) in words.enumerated() {
            let bare = word.trimmingPlain("\"“”'‘’()")
            let lower = PeopleText.loweredTrimming(bare, ".")
            guard !bare.isEmpty else { return false }
            if index > 0, PeopleWords.nameParticles.contains(lower) { continue }
            // Scripts without case (`山田太郎`) count as capitalised.
            guard startsCapitalised(bare),
                PeopleText.allSatisfy(
                    bare,
                    ascii: { PeopleText.isLetter($0) || PeopleText.isOne($0, of: ".'-_") },
                    character: { $0.isLetter || ".'’-_".contains($0) }
                )
            else { return false }
            if !PeopleWords.honorifics.contains(lower) { capitalised += 1 }
        }
        guard capitalised > 0 else { return false }
        let last = words.last.map { PeopleText.loweredTrimming($0, ".,'’") } ?? ""
        if PeopleWords.organisationWords.contains(last), words.count > 1 { return false }
        // A bare role or body (`Chair`, `Committee`, `Board`) is nobody's name.
        if words.count == 1,
            PeopleWords.roleWords.contains(singular(last)) || PeopleWords.organisationWords.contains(last)
        {
            return false
        }
        return true
    }

    /// ``isNameLike(characters:allowLowercase:)`` of ASCII `name`, given as its bytes, each of which is a character;
    /// `isUserName` tells whether `name` is a user name.
    private static func isNameLike(
        ascii name: UnsafeBufferPointer<UInt8>,
        allowLowercase: Bool,
        isUserName: () -> Bool
    ) -> Bool {
        if name.first == UInt8(ascii: "@") { return name.count > 1 && !name.contains(UInt8(ascii: " ")) }
        guard !name.isEmpty, name.count <= 60, !PeopleWords.nobodyBytes.containsLowered(name),
            !PeopleWords.notNameBytes.containsLowered(name),
            // A name of no word has no capitalised one.
            let firstWord = PeopleBytes.nextWord(in: name, from: 0)
        else { return false }
        // One word: nothing but spaces after the first. The words are counted in the loop below, without a pass of
        // their own: a seventh ends it (more than six is never a name), and every other end of it is `false` too.
        if allowLowercase, PeopleBytes.nextWord(in: name, from: firstWord.upperBound) == nil, isUserName() {
            return true
        }
        var capitalised = 0
        var index = 0
        var lastWord: Range<Int>?
        while let word = PeopleBytes.nextWord(in: name, from: lastWord?.upperBound ?? 0) {
            defer { index += 1 }
            if index == 6 { return false }
            lastWord = word
            let bare = PeopleBytes.trimmed(word, in: name) { PeopleText.isOne($0, of: "\"'()") }
            guard !bare.isEmpty else { return false }
            let lower = UnsafeBufferPointer(
                rebasing: name[PeopleBytes.trimmed(bare, in: name) { $0 == UInt8(ascii: ".") }]
            )
            if index > 0, PeopleWords.nameParticleBytes.containsLowered(lower) { continue }
            guard PeopleBytes.isUpperLetter(name[bare.lowerBound]),
                name[bare].allSatisfy({ PeopleText.isLetter($0) || PeopleText.isOne($0, of: ".'-_") })
            else { return false }
            if !PeopleWords.honorificBytes.containsLowered(lower) { capitalised += 1 }
        }
        guard capitalised > 0, let lastWord else { return false }
        let last = UnsafeBufferPointer(
            rebasing: name[PeopleBytes.trimmed(lastWord, in: name) { PeopleText.isOne($0, of: ".,'") }]
        )
        // Every word was read: `index` is their count.
        return lastWordLeavesAName(last, wordCount: index)
    }

    /// Whether a name of `wordCount` words whose last word is `last` (ASCII bytes) may still be a name: not when that
    /// word names an organisation, nor when a lone word is a role or an organisation.
    private static func lastWordLeavesAName(_ last: UnsafeBufferPointer<UInt8>, wordCount: Int) -> Bool {
        if PeopleWords.organisationWordBytes.containsLowered(last), wordCount > 1 { return false }
        if wordCount == 1,
            PeopleWords.roleWordBytes.containsLowered(PeopleBytes.singular(last))
                || PeopleWords.organisationWordBytes.containsLowered(last)
        {
            return false
        }
        return true
    }

    /// How the words of ``PeopleWords/notNames`` start.
    static let notNameLeads = LeadPairs(PeopleWords.notNames)

    /// Whether the first character of `word` is upper case, or a letter of a script without case (`山`).
    static func startsCapitalised(_ word: some StringProtocol) -> Bool {
        // An ASCII byte before another (or none) is a character of its own.
        let utf8 = word.utf8
        if let lead = utf8.first, lead < 0x80, PeopleText.nextByteIsASCII(utf8) {
            return PeopleBytes.isUpperLetter(lead)
        }
        guard let first = word.first else { return false }
        return first.isUppercase || (first.isLetter && !first.isLowercase)
    }

    /// Whether the first character of `word` is lower case.
    static func startsLowercase(_ word: some StringProtocol) -> Bool {
        let utf8 = word.utf8
        // A character that lower case changes is no lower-case one, and one that starts with an ASCII capital changes:
        // most text starts so, and needs no look at the byte after it.
        if let lead = utf8.first, PeopleBytes.isUpperLetter(lead) { return false }
        // An ASCII byte before another (or none) is a character of its own.
        if let lead = utf8.first, lead < 0x80, PeopleText.nextByteIsASCII(utf8) {
            return PeopleBytes.isLowerLetter(lead)
        }
        return word.first?.isLowercase == true
    }

    /// Whether the first character of `word` is a number.
    static func startsWithNumber(_ word: some StringProtocol) -> Bool {
        let utf8 = word.utf8
        // A character is a number by its first scalar's numeric type, which no ASCII scalar but a digit has: an ASCII
        // first byte that is no digit needs no look at the bytes after it (most text starts so).
        if let lead = utf8.first, lead < 0x80, !PeopleBytes.isDigit(lead) { return false }
        // An ASCII byte before another (or none) is a character of its own.
        if let lead = utf8.first, lead < 0x80, PeopleText.nextByteIsASCII(utf8) {
            return PeopleBytes.isDigit(lead)
        }
        return word.first?.isNumber == true
    }

    /// `beckermr`, `ocefpaf`: a lone lower-case user name.
    static func isUserName(_ text: String) -> Bool {
        text.count >= 2 && text.count <= 40 && text.first?.isLetter == true
            && PeopleText.allSatisfy(
                text,
                ascii: { PeopleText.isAlphanumeric($0) || PeopleText.isOne($0, of: "-_.") },
                character: { $0.isLetter || $0.isNumber || "-_.".contains($0) }
            )
            && !PeopleWords.notNames.contains(PeopleText.lowercased(text))
            && !functionWords.contains(PeopleText.lowercased(text))
    }

    // MARK: Descriptions

    /// Whether a phrase is a role or an organisation rather than a name: it ends with a role word (`Branch
    /// Librarian`) or an organisation word (`Hollin Street Library`), or starts in lower case.
    static func isDescription(_ text: String) -> Bool {
        isDescription(outside: splitBrackets(text).outside)
    }

    /// ``isDescription(_:)`` of a text whose text outside brackets is `outside`.
    static func isDescription(outside: String) -> Bool {
        // ASCII or Latin text (each scalar a character of its own, so that words end where the characters' do) is
        // read on its bytes.
        let read = PeopleBytes.withBytes(outside) { bytes -> Bool? in
            let ascii = bytes.allSatisfy { $0 < 0x80 }
            guard ascii || PeopleBytes.isLatin(bytes) else { return nil }
            guard let word = PeopleBytes.lastWord(in: bytes) else { return false }
            if ascii ? PeopleBytes.isLowerLetter(bytes[0]) : startsLowercase(latin: bytes) { return true }
            let trimmed = PeopleBytes.trimmedLatin(word, in: bytes, quotes: false) {
                PeopleText.isOne($0, of: ".,;:'()")
            }
            // The words of the lists are ASCII: a word with a byte beyond ASCII, which lower case keeps, is none of them.
            guard ascii || bytes[trimmed].allSatisfy({ $0 < 0x80 }) else { return false }
            let last = UnsafeBufferPointer(rebasing: bytes[trimmed])
            return PeopleWords.roleWordBytes.containsLowered(PeopleBytes.singular(last))
                || PeopleWords.organisationWordBytes.containsLowered(last)
        }
        return read ?? isDescription(characters: outside)
    }

    /// Whether the first character of Latin `bytes` (``PeopleBytes/isLatin(_:)``) is lower case: an ASCII byte is a
    /// character of its own there; another first scalar is read as a character.
    private static func startsLowercase(latin bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = bytes.first else { return false }
        if first < 0x80 { return PeopleBytes.isLowerLetter(first) }
        let length = PeopleBytes.latinScalarLength(bytes, at: 0) ?? bytes.count
        return String(decoding: bytes[..<length], as: UTF8.self).first?.isLowercase == true
    }

    /// ``isDescription(outside:)`` of `outside`, read by its characters.
    static func isDescription(characters outside: String) -> Bool {
        let words = PeopleText.words(outside).map { PeopleText.loweredTrimming($0, ".,;:'’()") }
        guard let last = words.last else { return false }
        if outside.first?.isLowercase == true { return true }
        return PeopleWords.roleWords.contains(singular(last)) || PeopleWords.organisationWords.contains(last)
    }

    /// Whether a phrase reads as a role: its last word is a role word, or (unless its last word is an
    /// organisation's) any word is; a phrase in lower case is a role too.
    static func isRoleLike(_ text: String) -> Bool { isRoleLike(tidied: tidy(text), text: text) }

    /// ``isRoleLike(_:)`` of `text`, whose tidy text is `tidied` (the text itself, where the caller has it tidy), or
    /// which is not ASCII when `tidied` is not: only ASCII `tidied` is read.
    static func isRoleLike(tidied: String, text: String) -> Bool {
        let ascii = PeopleBytes.withBytes(tidied) { bytes -> Bool? in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            return isRoleLike(ascii: bytes, text: text)
        }
        return ascii ?? isRoleLike(characters: text)
    }

    /// ``isRoleLike(_:)`` of `text`, read by its characters.
    static func isRoleLike(characters text: String) -> Bool {
        // `co-sponsor` reads as `sponsor`, the word after a role prefix.
        let words = PeopleText.words(tidy(text)).map { word -> String in
            let bare = singular(PeopleText.loweredTrimming(word, ".,;:'’()\""))
            // A word without a hyphen byte has no role prefix.
            guard PeopleBytes.containsByte(bare, UInt8(ascii: "-")) else { return bare }
            let parts = PeopleText.split(bare, at: UInt8(ascii: "-"))
            guard parts.count == 2, PeopleWords.rolePrefixes.contains(String(parts[0])) else { return bare }
            return PeopleWords.roleWords.contains(bare) ? bare : String(parts[1])
        }
        guard let last = words.last else { return false }
        if isNamedBody(text) { return false }
        if PeopleWords.roleWords.contains(last) { return true }
        if PeopleWords.organisationWords.contains(last) { return false }
        if words.contains(where: { PeopleWords.roleWords.contains($0) }) { return true }
        return text.first?.isLowercase == true
    }

    /// ``isRoleLike(characters:)`` of `text`, whose tidy text is the ASCII `tidied`, read on its bytes, each of which
    /// is a character.
    private static func isRoleLike(ascii tidied: UnsafeBufferPointer<UInt8>, text: String) -> Bool {
        // Each word is read lowered, trimmed and made singular (``roleReading(of:in:)``), a run of `tidied` compared in
        // lower case. The last word is read first: when it is a role word or an organisation's, as most descriptions'
        // is, the words before it are not read.
        guard let lastRange = PeopleBytes.lastWord(in: tidied) else { return false }
        let lastWord = roleReading(of: lastRange, in: tidied)
        // A named body ends with a plural: the last word of `tidied` ends with `s` and is a role word's plural
        // (``isNamedBody(_:)`` reads the words of `tidied` too), which its bytes tell first.
        if tidied.last == UInt8(ascii: "s"),
            PeopleWords.roleWordBytes.containsLowered(
                PeopleBytes.singular(UnsafeBufferPointer(rebasing: tidied[lastRange]))
            ),
            isNamedBody(ascii: tidied)
        {
            return false
        }
        if PeopleWords.roleWordBytes.containsLowered(lastWord) { return true }
        if PeopleWords.organisationWordBytes.containsLowered(lastWord) { return false }
        // The last word is no role word: a role word before it makes the phrase a role.
        var start = 0
        while let word = PeopleBytes.nextWord(in: tidied, from: start), word.upperBound < lastRange.upperBound {
            start = word.upperBound
            if PeopleWords.roleWordBytes.containsLowered(roleReading(of: word, in: tidied)) { return true }
        }
        return startsLowercase(text)
    }

    /// The word at `range` of ASCII `tidied` as ``isRoleLike(_:)`` reads it: trimmed of punctuation and made
    /// singular; `co-sponsor` reads as `sponsor`, the word after a role prefix.
    private static func roleReading(
        of range: Range<Int>,
        in tidied: UnsafeBufferPointer<UInt8>
    ) -> UnsafeBufferPointer<UInt8> {
        let trimmed = PeopleBytes.trimmed(range, in: tidied) { PeopleText.isOne($0, of: ".,;:'()\"") }
        let bare = PeopleBytes.singular(UnsafeBufferPointer(rebasing: tidied[trimmed]))
        guard bare.contains(UInt8(ascii: "-")) else { return bare }
        let parts = PeopleBytes.split(bare, at: UInt8(ascii: "-"))
        if parts.count == 2, PeopleWords.rolePrefixBytes.containsLowered(parts[0]),
            !PeopleWords.roleWordBytes.containsLowered(bare)
        {
            return parts[1]
        }
        return bare
    }

    /// Whether a capitalised phrase that joins words with `&` or `and` and ends with a plural people noun names a
    /// body rather than a role: `Canal & River Volunteers`, not `Chair and Trustees`.
    static func isNamedBody(_ text: String) -> Bool {
        // A word `&` or `and` needs its bytes.
        guard PeopleBytes.containsBytes(text, "&") || PeopleBytes.containsBytes(text, "and") else { return false }
        let words = PeopleText.words(tidy(text)).map(String.init)
        guard words.count >= 3, words.contains("&") || words.contains("and"), let last = words.last,
            last.hasSuffix("s"), PeopleWords.roleWords.contains(singular(PeopleText.lowercased(last)))
        else { return false }
        let content = words.filter { !functionWords.contains(PeopleText.lowercased($0)) }
        guard content.allSatisfy({ $0.first?.isUppercase == true }) else { return false }
        return !content.allSatisfy { PeopleWords.roleWords.contains(singular(PeopleText.lowercased($0))) }
    }

    /// ``isNamedBody(_:)`` of a text whose tidy text is the ASCII `tidied`, read on its bytes, each of which is a
    /// character: its words are the runs between spaces, looked up in lower case without strings.
    static func isNamedBody(ascii tidied: UnsafeBufferPointer<UInt8>) -> Bool {
        var wordCount = 0
        var joined = false
        var last: Range<Int>?
        var start = 0
        while let word = PeopleBytes.nextWord(in: tidied, from: start) {
            start = word.upperBound
            wordCount += 1
            let bytes = UnsafeBufferPointer(rebasing: tidied[word])
            if PeopleBytes.equals(bytes, "&") || PeopleBytes.equals(bytes, "and") { joined = true }
            last = word
        }
        guard wordCount >= 3, joined, let last, tidied[last.upperBound - 1] == UInt8(ascii: "s"),
            PeopleWords.roleWordBytes.containsLowered(PeopleBytes.singular(UnsafeBufferPointer(rebasing: tidied[last])))
        else { return false }
        // The words that are no function words: each capitalised, and not all of them role words.
        var allRoles = true
        start = 0
        while let word = PeopleBytes.nextWord(in: tidied, from: start) {
            start = word.upperBound
            let bytes = UnsafeBufferPointer(rebasing: tidied[word])
            if functionWordBytes.containsLowered(bytes) { continue }
            guard PeopleBytes.isUpperLetter(bytes[0]) else { return false }
            if allRoles, !PeopleWords.roleWordBytes.containsLowered(PeopleBytes.singular(bytes)) { allRoles = false }
        }
        return !allRoles
    }

    /// Adds a descriptor to `entry` as a role, an organisation or a roll-call mark.
    ///
    /// In brackets, a lower-case note that is no role (`by phone`, `accepted`) is dropped. `descriptor` is tidy, as
    /// every reading that finds one leaves it (segments, brackets, list parts). `somebody` says that the caller found
    /// the descriptor names someone (``isNobody(_:)`` is `false`), which is not asked again of it unchanged.
    static func describe(_ entry: inout PersonEntry, with descriptor: String, inBrackets: Bool, somebody: Bool = false)
    {
        assert(isTidy(descriptor), "a descriptor is tidy")
        var text = descriptor.trimmingPlain(" .,;:")
        if !inBrackets, PeopleText.contains(text, UInt8(ascii: "(")) {
            let (outside, inside) = splitBrackets(text)
            text = outside
            // `chair()`: an empty bracket describes nothing.
            for content in inside where !content.isEmpty { describe(&entry, with: content, inBrackets: true) }
        }
        // Trimming and the brackets only take bytes away: a text of the descriptor's length is the descriptor.
        guard !text.isEmpty, somebody && text.utf8.count == descriptor.utf8.count || !isNobody(text) else { return }
        if let status = PeopleWords.status(of: text) {
            entry.status = status
            return
        }
        let lower = startsLowercase(text)
        if inBrackets, isAcronym(text), PeopleWords.roleAcronyms.contains(PeopleText.lowercased(text)) {
            // `Priya (PM)`: a role acronym.
            entry.role = entry.role.map { $0 + ", " + text } ?? text
            return
        }
        if inBrackets, lower, !hasRoleWord(text) {
            // `(bikes)` or `(kettle-lang)`: a role or a project, as the rest of the list tells.
            if !isNote(text) {
                entry.weakRole = entry.role == nil
                entry.role = entry.role.map { $0 + ", " + text } ?? text
            }
            return
        }
        // `text` is tidy text trimmed of ASCII at its ends, or the tidy text outside its brackets: tidy where it is
        // ASCII, and beyond ASCII where its tidy text is.
        if isRoleLike(tidied: text, text: text) {
            entry.role = entry.role.map { $0 + ", " + text } ?? text
        } else if lower || startsWithNumber(text) {
            return
        } else {
            entry.organization = entry.organization.map { $0 + ", " + text } ?? text
        }
    }

    /// Whether a lower-case bracket is a note about attendance rather than a role: `by phone`, `accepted`,
    /// `item 3`, `work commitments`, or anything longer than three words.
    static func isNote(_ text: String) -> Bool {
        let lower = PeopleText.lowercased(text)
        let words = PeopleText.words(lower).map(String.init)
        guard let first = words.first else { return true }
        let pronouns = lower.split(separator: "/").map { tidy(String($0)) }
        if pronouns.count > 1, pronouns.allSatisfy({ PeopleWords.pronouns.contains($0) }) { return true }
        return words.count > 3 || text.contains(where: \.isNumber) || PeopleWords.noteWords.contains(first)
    }

    static func hasRoleWord(_ text: String) -> Bool {
        PeopleText.words(PeopleText.lowercased(text)).contains { word in
            let bare = singular(String(word))
            if PeopleWords.roleWords.contains(bare) { return true }
            guard PeopleBytes.containsByte(bare, UInt8(ascii: "-")) else { return false }
            let parts = PeopleText.split(bare, at: UInt8(ascii: "-"))
            return parts.count == 2 && PeopleWords.rolePrefixes.contains(String(parts[0]))
                && PeopleWords.roleWords.contains(String(parts[1]))
        }
    }

    /// What a bracket says: a role, an organisation, or either as its words tell.
    enum Descriptor: Hashable {
        case either(String)
        case role(String)
        case organization(String)
    }

    /// The descriptors of an entry's brackets, in order: the first two held in place and any more in an array, so that
    /// an entry with one bracket (most) makes no array for them.
    struct Descriptors {
        private var first: Descriptor?
        private var second: Descriptor?
        private var rest: [Descriptor] = []

        /// Adds `descriptor` after those added so far.
        mutating func append(_ descriptor: Descriptor) {
            if first == nil {
                first = descriptor
            } else if second == nil {
                second = descriptor
            } else {
                rest.append(descriptor)
            }
        }

        /// `body` of each descriptor, in the order added.
        func forEach(_ body: (Descriptor) -> Void) {
            // Each is added after the one before it: none after an empty place.
            guard let first else { return }
            body(first)
            guard let second else { return }
            body(second)
            for descriptor in rest { body(descriptor) }
        }

        /// The descriptors in the order added.
        var all: [Descriptor] {
            var all: [Descriptor] = []
            forEach { all.append($0) }
            return all
        }
    }

    /// The descriptors of a bracket: `observer/CTC` is a role and an organisation, `Org/role` the other way round.
    static func bracketDescriptors(_ text: String) -> [Descriptor] {
        var descriptors = Descriptors()
        bracketDescriptors(text, into: &descriptors)
        return descriptors.all
    }

    /// ``bracketDescriptors(_:)`` of `text`, appended to `descriptors`.
    static func bracketDescriptors(_ text: String, into descriptors: inout Descriptors) {
        // `Riverside Trust - Chair`: an organisation, then the role after a separator dash (`-`, or `–` and `—`, which
        // start with the byte E2).
        let dashed =
            PeopleBytes.containsByte(text) { $0 == UInt8(ascii: "-") || $0 == 0xE2 } ? splitAtSpacedDash(text) : []
        if dashed.count == 2, let left = dashed.first, let right = dashed.last {
            if isRoleLike(left), !isRoleLike(right), right.first?.isUppercase == true {
                descriptors.append(.role(left))
                descriptors.append(.organization(right))
                return
            }
            descriptors.append(.organization(left))
            descriptors.append(.role(right))
            return
        }
        guard PeopleBytes.containsByte(text, UInt8(ascii: "/")) else {
            descriptors.append(.either(text))
            return
        }
        let parts = text.split(separator: "/", omittingEmptySubsequences: false).map { tidy(String($0)) }
        guard parts.count == 2, let left = parts.first, let right = parts.last, !left.isEmpty, !right.isEmpty,
            right.first?.isUppercase == true || left.first?.isUppercase == true
        else {
            descriptors.append(.either(text))
            return
        }
        if hasRoleWord(left), right.first?.isUppercase == true {
            descriptors.append(.role(left))
            descriptors.append(.organization(right))
            return
        }
        if hasRoleWord(right), left.first?.isUppercase == true {
            descriptors.append(.role(right))
            descriptors.append(.organization(left))
            return
        }
        descriptors.append(.either(text))
    }

    // MARK: Splitting

    /// `Org - role` split at dashes that stand apart between words, without empty parts.
    static func splitAtSpacedDash(_ text: String) -> [String] {
        // Without a dash between spaces the text is one part, tidied (each split below would tidy it and no more).
        guard [" - ", " – ", " — "].contains(where: { PeopleBytes.containsBytes(text, $0) }) else {
            let part = tidy(text)
            return part.isEmpty ? [] : [part]
        }
        // Plain tidy text is split on its bytes, each part made a string once (``spacedDashParts(_:)``).
        if isTidy(text),
            let plain = PeopleBytes.withBytes(text, { PeopleBytes.isPlain($0) ? spacedDashParts($0) : nil })
        {
            return plain
        }
        var parts = [text]
        for dash in [" - ", " – ", " — "] {
            parts = parts.flatMap { splitTopLevel($0, phrase: dash) }
        }
        return parts.filter { !$0.isEmpty }
    }

    /// ``splitAtSpacedDash(_:)`` of plain tidy `bytes` (``PeopleBytes/isPlain(_:)``): split at each dash in turn, as
    /// ``splitTopLevel(_:phrase:)`` splits, on ranges of the bytes.
    ///
    /// The parts of tidy text between dashes that stand between spaces are tidy (no part starts or ends with a space,
    /// and none holds two together), so that tidying them, as each split does, leaves them as they are.
    private static func spacedDashParts(_ bytes: UnsafeBufferPointer<UInt8>) -> [String] {
        var parts = [0..<bytes.count]
        for dash in spacedDashBytes {
            var split: [Range<Int>] = []
            split.reserveCapacity(parts.count + 1)
            for part in parts {
                // Brackets are counted from each part's start, as a split of the part on its own counts them.
                var start = part.lowerBound
                var depth = 0
                var index = part.lowerBound
                while index < part.upperBound {
                    if depth == 0, part.upperBound - index >= dash.count,
                        bytes[index..<index + dash.count].elementsEqual(dash)
                    {
                        split.append(start..<index)
                        index += dash.count
                        start = index
                        continue
                    }
                    let byte = bytes[index]
                    if byte == UInt8(ascii: "(") || byte == UInt8(ascii: "[") { depth += 1 }
                    if byte == UInt8(ascii: ")") || byte == UInt8(ascii: "]") { depth = max(0, depth - 1) }
                    index += 1
                }
                split.append(start..<part.upperBound)
            }
            parts = split
        }
        return parts.filter { !$0.isEmpty }.map {
            String(decoding: UnsafeBufferPointer(rebasing: bytes[$0]), as: UTF8.self)
        }
    }

    /// The bytes of the dashes ``splitAtSpacedDash(_:)`` splits at, in the order it splits at them.
    private static let spacedDashBytes = [" - ", " – ", " — "].map { Array($0.utf8) }

    /// Splits `Name, Org- role` into `Name`, `Org`, `role` at commas, colons and dashes that stand apart
    /// (`Harbour Trust- Chair`, `Ann – Chair`), or that join a role to an organisation (`Green Lane Trust-co-opted`).
    ///
    /// `textIsTidy` says that `text` is tidy already, so that without a separator it is the one part as it is.
    static func segments(of text: String, textIsTidy: Bool = false) -> [String] {
        if !mayHaveSegments(text) {
            let segment = textIsTidy ? text : tidy(text)
            return segment.isEmpty || isNobody(segment) ? [] : [segment]
        }
        let plain = PeopleBytes.withBytes(text) { bytes in
            PeopleBytes.isPlain(bytes) ? PeopleBytes.segments(of: bytes) : nil
        }
        if var plain {
            // The parts are tidy already; those that name nobody go, in place.
            plain.removeAll { $0.isEmpty || isNobody($0) }
            return plain
        }
        return characterSegments(of: text)
    }

    /// Whether ``segments(of:textIsTidy:)`` may part `text`: `false` without a comma, semicolon, colon or dash (`-` or the
    /// lead byte of `–` and `—`), or the lead byte of U+037E (which equals `;`), when the text is one part.
    static func mayHaveSegments(_ text: String) -> Bool {
        PeopleBytes.withBytes(text) { $0.contains(where: PeopleBytes.maySeparateSegments) }
    }

    /// ``segments(of:textIsTidy:)`` of `text`, read by its characters.
    static func characterSegments(of text: String) -> [String] {
        let characters = Array(text)
        var segments: [String] = []
        var current = ""
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if character == "," || character == ";" || (character == ":" && segments.isEmpty) {
                segments.append(current)
                current = ""
            } else if dashes.contains(character), isSeparatorDash(at: index, in: characters) {
                segments.append(current)
                current = ""
            } else {
                current.append(character)
            }
            index += 1
        }
        segments.append(current)
        return segments.map { tidy($0) }.filter { !$0.isEmpty && !isNobody($0) }
    }

    /// Whether the dash at `index` separates parts of an entry rather than joining a word (`Peña-Castellanos`,
    /// `co-sponsor`).
    static func isSeparatorDash(at index: Int, in characters: [Character]) -> Bool {
        let before = index > 0 ? characters[index - 1] : " "
        let after = index + 1 < characters.count ? characters[index + 1] : " "
        if before == " " || after == " " { return true }
        // `Trust-co-opted`: a capitalised word, then a role in lower case.
        var start = index
        while start > 0, characters[start - 1] != " " { start -= 1 }
        guard characters[start].isUppercase, after.isLowercase else { return false }
        var end = index + 1
        while end < characters.count, characters[end] != " " { end += 1 }
        return dashSetsOffRole(
            word: String(characters[start..<index]),
            next: String(characters[(index + 1)..<end]),
            rest: String(characters[(index + 1)...])
        )
    }

    /// Whether a dash between a capitalised `word` and the lower-case word `next` that starts `rest` (the text
    /// after the dash) sets off a role (`Trust-co-opted`) rather than joining a word (`Co-chair`).
    static func dashSetsOffRole(word: String, next: String, rest: String) -> Bool {
        let next = PeopleText.lowercased(next).trimmingPlain(".,;:")
        let word = PeopleText.lowercased(word)
        // What follows reads as a role by its position: a lower-case phrase that is role-like up to the next comma
        // (`Cooperative-permanent member`).
        let rest = PeopleText.split(rest, at: UInt8(ascii: ",")).first.map(String.init) ?? ""
        let prefix = PeopleText.split(word, at: UInt8(ascii: "-")).last.map(String.init) ?? word
        return (PeopleWords.roleWords.contains(next) || hasRoleWord(rest))
            && !PeopleWords.rolePrefixes.contains(word) && !PeopleWords.rolePrefixes.contains(prefix)
    }

    /// Whether `text` opens more brackets (`(`, `[`) than it closes.
    static func hasUnclosedBracket(_ text: String) -> Bool {
        let plain = PeopleBytes.withBytes(text) { bytes -> Bool? in
            // The brackets counted while the bytes are looked at: ASCII without a carriage return is plain.
            var depth = 0
            var all: UInt8 = 0
            var returns = false
            var index = 0
            while index < bytes.count {
                // Eight ASCII bytes without a bracket or carriage return change none of the counts.
                if let word = PeopleBytes.asciiWord(bytes, at: index),
                    PeopleBytes.bracketBytes(word) | PeopleBytes.matchingBytes(word, 0x0D) == 0
                {
                    index += 8
                    continue
                }
                let byte = bytes[index]
                index += 1
                all |= byte
                switch byte {
                case UInt8(ascii: "("), UInt8(ascii: "["): depth &+= 1
                case UInt8(ascii: ")"), UInt8(ascii: "]"): depth &-= 1
                case 0x0D: returns = true
                default: break
                }
            }
            guard all < 0x80 && !returns || PeopleBytes.isPlain(bytes) else { return nil }
            return depth > 0
        }
        if let plain { return plain }
        return text.count(where: { "([".contains($0) }) > text.count(where: { ")]".contains($0) })
    }

    /// Whether `text` has a dash that sets off a role: `Federation- permanent member`.
    static func hasDashRole(_ text: String) -> Bool {
        let plain = PeopleBytes.withBytes(text) { bytes -> Bool? in
            guard PeopleBytes.isPlain(bytes) else { return nil }
            for index in bytes.indices {
                let dash = PeopleBytes.dashLength(at: index, in: bytes)
                guard dash > 0, PeopleBytes.isSeparatorDash(at: index, length: dash, in: bytes) else { continue }
                let rest = tidy(String(decoding: bytes[(index + dash)...], as: UTF8.self))
                if !rest.isEmpty, isRoleLike(rest) { return true }
            }
            return false
        }
        if let plain { return plain }
        let characters = Array(text)
        for index in characters.indices where dashes.contains(characters[index]) {
            guard isSeparatorDash(at: index, in: characters) else { continue }
            let rest = tidy(String(characters[(index + 1)...]))
            if !rest.isEmpty, isRoleLike(rest) { return true }
        }
        return false
    }

    /// Entries run together on one line, split apart.
    ///
    /// `Ann Lee, Dale Project- co-opted Ben Ng, Hollow Works- co-opted` holds two entries: a new one starts where
    /// capitalised words ending in a comma follow the role of the entry before.
    ///
    /// `firstLook` lets the bytes of plain text rule out a split (``mayRunTogether(_:)``) before the words are read;
    /// the answer is the same without it.
    static func splitRunTogether(_ text: String, firstLook: Bool = true) -> [String] {
        // Without a space at either end or two together, the words joined again are the text itself.
        let utf8 = text.utf8
        let wordsMakeText =
            utf8.first.map { $0 != UInt8(ascii: " ") } == true && utf8.last != UInt8(ascii: " ")
            && !PeopleBytes.containsBytes(text, "  ")
        // A run of names ends with a comma: without one, the line is one piece. Nor is there a run in plain text
        // without two words that may be a role's end and a name's start (most lines), which its bytes tell.
        guard PeopleText.contains(text, UInt8(ascii: ",")),
            !firstLook || PeopleBytes.withBytes(text, { !PeopleBytes.isPlain($0) || mayRunTogether($0) })
        else {
            if wordsMakeText { return [text] }
            let piece = PeopleText.words(text).joined(separator: " ")
            return piece.isEmpty ? [] : [piece]
        }
        let words = PeopleText.words(text).map(String.init)
        var pieces: [[String]] = [[]]
        var index = 0
        while index < words.count {
            // The cheap look at the words ahead goes first: most lines hold no run of names.
            if !pieces[pieces.count - 1].isEmpty, let run = nameRun(words, from: index), run > 0,
                endsRole(pieces[pieces.count - 1])
            {
                pieces.append([])
            }
            pieces[pieces.count - 1].append(words[index])
            index += 1
        }
        // One piece of all the words: the text itself, when its words make it.
        if pieces.count == 1, wordsMakeText { return [text] }
        return pieces.map { $0.joined(separator: " ") }.filter { !$0.isEmpty }
    }

    /// Whether plain `bytes` (``PeopleBytes/isPlain(_:)``) may hold an entry that ``splitRunTogether(_:)`` splits off.
    ///
    /// That takes a word that may start a run of names (``nameRun(_:from:)``: a capital, or a character beyond ASCII
    /// first) after one that may end a role (``endsRole(_:)``: letters and hyphens, in lower case first or a role
    /// word); `false` only when no two words are such. In plain text the words between space bytes are those between
    /// spaces.
    static func mayRunTogether(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var previous: Range<Int>?
        var start = 0
        while let word = PeopleBytes.nextWord(in: bytes, from: start) {
            start = word.upperBound
            let first = bytes[word.lowerBound]
            if let previous, first >= 0x80 || PeopleBytes.isUpperLetter(first), mayEndRole(bytes[previous]) {
                return true
            }
            previous = word
        }
        return false
    }

    /// Whether the plain `word` may be the last word of a role as ``endsRole(_:)`` reads it: letters (any beyond
    /// ASCII) and hyphens, starting in lower case or beyond ASCII, or an ASCII role word (singular or plural).
    private static func mayEndRole(_ word: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        var ascii = true
        for byte in word {
            if byte >= 0x80 {
                ascii = false
            } else if !PeopleText.isLetter(byte), byte != UInt8(ascii: "-") {
                return false
            }
        }
        guard let first = word.first else { return false }
        let bytes = UnsafeBufferPointer(rebasing: word)
        if ascii, functionWordBytes.containsLowered(bytes) { return false }
        if first >= 0x80 || PeopleBytes.isLowerLetter(first) { return true }
        return ascii && PeopleWords.roleWordBytes.containsLowered(PeopleBytes.singular(bytes))
    }

    /// Whether the words so far are an entry (or a continuation) that ends with a role.
    private static func endsRole(_ words: [String]) -> Bool {
        guard let last = words.last else { return false }
        let word = PeopleText.lowercased(last)
        guard
            PeopleText.allSatisfy(
                word,
                ascii: { PeopleText.isLetter($0) || $0 == UInt8(ascii: "-") },
                character: { $0.isLetter || $0 == "-" }
            ),
            !functionWords.contains(word),
            PeopleWords.roleWords.contains(singular(word)) || last.first?.isLowercase == true
        else { return false }
        if words.first?.first?.isLowercase == true { return true }
        let text = words.joined(separator: " ")
        return PeopleText.contains(text, UInt8(ascii: ",")) && hasDashRole(text)
    }

    /// The number of capitalised words from `start` whose last ends with a comma (`James Harding,`), or `nil`.
    private static func nameRun(_ words: [String], from start: Int) -> Int? {
        var count = 0
        for index in start..<min(words.count, start + 4) {
            let word = words[index]
            // An ASCII word is read on its bytes, each a character.
            let ascii = PeopleBytes.withBytes(word) { bytes -> Bool? in
                guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
                let bare = bytes.last == UInt8(ascii: ",") ? bytes.dropLast() : bytes[...]
                guard let first = bare.first, PeopleBytes.isUpperLetter(first) else { return false }
                return bare.allSatisfy { PeopleText.isLetter($0) || PeopleText.isOne($0, of: ".'-") }
            }
            if ascii == false { return nil }
            if ascii == true {
                count += 1
                if word.utf8.last == UInt8(ascii: ",") { return count }
                continue
            }
            let bare = word.hasSuffix(",") ? String(word.dropLast()) : word
            guard let first = bare.first, first.isUppercase,
                PeopleText.allSatisfy(
                    bare,
                    ascii: { PeopleText.isLetter($0) || PeopleText.isOne($0, of: ".'-") },
                    character: { $0.isLetter || ".'’-".contains($0) }
                )
            else { return nil }
            count += 1
            if word.hasSuffix(",") { return count }
        }
        return nil
    }

    /// `Ann and Bob Roy` → `Ann`, `Bob Roy` when both sides are names.
    ///
    /// Never inside brackets (`Ann (Fire and Rescue)`), nor where a lone word follows a longer phrase, which
    /// completes an organisation (`County Fire and Rescue`) rather than naming someone.
    static func splitConjunction(_ text: String) -> [String] {
        conjunction(text)?.map(\.name) ?? [text]
    }

    /// The names ``splitConjunction(_:)`` finds in `text`, each with the entry it reads as; `nil` when `text` does not
    /// split.
    static func conjunction(_ text: String) -> [(name: String, entry: PersonEntry)]? {
        // Bytes first: nothing but these bytes is the same text as ` and ` or ` & `, and in plain text they are.
        for separator in [" and ", " & "]
        where PeopleBytes.containsBytes(text, separator) && (PeopleBytes.isPlain(text) || text.contains(separator)) {
            let parts = splitTopLevel(text, phrase: separator)
            guard parts.count > 1 else { continue }
            if let last = parts.last, PeopleText.wordCount(last) == 1,
                parts.dropLast().contains(where: { PeopleText.wordCount($0) > 1 })
            {
                continue
            }
            var names: [(name: String, entry: PersonEntry)] = []
            for part in parts {
                guard let entry = parse(part), !isDescription(entry.name) else { break }
                names.append((part, entry))
            }
            if names.count == parts.count { return names }
        }
        return nil
    }

    /// Splits at `phrase` outside brackets, each part tidied.
    ///
    /// `phrase` is spaces, ASCII punctuation, letters and dashes, which no other characters equal, so that text
    /// without its bytes is one part.
    static func splitTopLevel(_ text: String, phrase: String) -> [String] {
        guard PeopleBytes.containsBytes(text, phrase) else { return [tidy(text)] }
        let plain = PeopleBytes.withBytes(text) { bytes in
            PeopleBytes.isPlain(bytes) ? PeopleBytes.splitTopLevel(bytes, phrase: Array(phrase.utf8)) : nil
        }
        if let plain { return plain.map { tidy($0) } }
        var parts: [String] = []
        var current = ""
        var depth = 0
        var rest = Substring(text)
        while let character = rest.first {
            if depth == 0, rest.hasPrefix(phrase) {
                parts.append(current)
                current = ""
                rest = rest.dropFirst(phrase.count)
                continue
            }
            if character == "(" || character == "[" { depth += 1 }
            if character == ")" || character == "]" { depth = max(0, depth - 1) }
            current.append(character)
            rest = rest.dropFirst()
        }
        parts.append(current)
        return parts.map { tidy($0) }
    }

    /// The text outside brackets, and the content of each bracket; an unclosed bracket runs to the end.
    ///
    /// `textIsTidy` says that `text` is tidy already, so that without a bracket it is the text outside as it is.
    static func splitBrackets(_ text: String, textIsTidy: Bool = false) -> (outside: String, inside: [String]) {
        // No bracket byte, no bracket.
        if !PeopleBytes.containsByte(text, where: { $0 == UInt8(ascii: "(") || $0 == UInt8(ascii: "[") }) {
            return (textIsTidy ? text : tidy(text), [])
        }
        let plain = PeopleBytes.withBytes(text) { bytes -> (outside: String, inside: [String])? in
            PeopleBytes.isPlain(bytes) ? splitPlainBrackets(bytes) : nil
        }
        if let plain { return plain }
        return splitBrackets(Array(text), opening: ["(", "["], closing: [")", "]"]) { String($0) }
    }

    /// ``splitBrackets(_:)`` of plain bytes (``PeopleBytes/isPlain(_:)``), whose bracket bytes are brackets: the
    /// content of a bracket is the bytes between it and its closing bracket, and the text outside is the runs between
    /// brackets, gathered in a scratch buffer; each is made tidy on its bytes (``tidy(bytes:)``), one string apiece.
    private static func splitPlainBrackets(_ bytes: UnsafeBufferPointer<UInt8>) -> (outside: String, inside: [String]) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(bytes.count, 1)) { scratch in
            var count = 0
            func keep(_ range: Range<Int>) {
                guard !range.isEmpty, let from = bytes.baseAddress, let to = scratch.baseAddress else { return }
                (to + count).update(from: from + range.lowerBound, count: range.count)
                count += range.count
            }
            var inside: [String] = []
            var depth = 0
            var runStart = 0
            var contentStart = 0
            var index = 0
            while index < bytes.count {
                // Eight ASCII bytes without a bracket change nothing: the run or the content goes on past them.
                if let word = PeopleBytes.asciiWord(bytes, at: index), PeopleBytes.bracketBytes(word) == 0 {
                    index += 8
                    continue
                }
                let byte = bytes[index]
                if byte == UInt8(ascii: "(") || byte == UInt8(ascii: "[") {
                    if depth == 0 {
                        keep(runStart..<index)
                        contentStart = index + 1
                    }
                    depth += 1
                } else if byte == UInt8(ascii: ")") || byte == UInt8(ascii: "]"), depth > 0 {
                    depth -= 1
                    if depth == 0 {
                        inside.append(tidy(bytes: UnsafeBufferPointer(rebasing: bytes[contentStart..<index])))
                        runStart = index + 1
                    }
                }
                index += 1
            }
            if depth > 0 {
                if contentStart < bytes.count {
                    inside.append(tidy(bytes: UnsafeBufferPointer(rebasing: bytes[contentStart...])))
                }
            } else {
                keep(runStart..<bytes.count)
            }
            return (tidy(bytes: UnsafeBufferPointer(rebasing: scratch[0..<count])), inside)
        }
    }

    /// ``splitBrackets(_:)`` of `units` (characters, or the bytes of ASCII text), each run of them made a string by
    /// `string`.
    private static func splitBrackets<Unit: Equatable>(
        _ units: some Collection<Unit>,
        opening: [Unit],
        closing: [Unit],
        string: ([Unit]) -> String
    ) -> (outside: String, inside: [String]) {
        var outside: [Unit] = []
        outside.reserveCapacity(units.count)
        var inside: [String] = []
        var depth = 0
        var current: [Unit] = []
        current.reserveCapacity(units.count)
        for unit in units {
            if opening.contains(unit) {
                if depth > 0 { current.append(unit) }
                depth += 1
            } else if closing.contains(unit) && depth > 0 {
                depth -= 1
                if depth == 0 {
                    inside.append(tidy(string(current)))
                    current.removeAll(keepingCapacity: true)
                } else {
                    current.append(unit)
                }
            } else if depth > 0 {
                current.append(unit)
            } else {
                outside.append(unit)
            }
        }
        if depth > 0, !current.isEmpty { inside.append(tidy(string(current))) }
        return (tidy(string(outside)), inside)
    }

    /// Splits at `separators` outside brackets.
    ///
    /// `mayTrimSpaces` lets the parts of plain text (``PeopleBytes/isPlain(_:)``) come without the space bytes at
    /// their ends, for a caller that cleans each part (``clean(_:)`` of plain text gives the same with or without
    /// them); the parts of other text come as they are.
    static func splitTopLevel(_ text: String, separators: Separators, mayTrimSpaces: Bool = false) -> [String] {
        if let asciiSeparators = separators.bytes {
            let plain = PeopleBytes.withBytes(text) { bytes in
                PeopleBytes.isPlain(bytes)
                    ? PeopleBytes.splitTopLevel(bytes, separators: asciiSeparators, trimmingSpaces: mayTrimSpaces)
                    : nil
            }
            if let plain { return plain }
        }
        let separators = separators.characters
        var parts: [String] = []
        var current = ""
        var depth = 0
        for character in text {
            if character == "(" || character == "[" { depth += 1 }
            if character == ")" || character == "]" { depth = max(0, depth - 1) }
            if depth == 0, separators.contains(character) {
                parts.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        parts.append(current)
        return parts
    }

    /// The text tidied, without list glyphs, emphasis markers or a closing full stop.
    static func clean(_ text: String) -> String {
        if let plain = PeopleText.cleanPlain(text) { return plain }
        var result = tidy(text.replacingAll("**", with: "").replacingAll("__", with: ""))
        while let first = result.first, "*•·▪◦>".contains(first) { result = tidy(String(result.dropFirst())) }
        while let last = result.last, ".;,".contains(last), !result.hasSuffix(".."),
            !(last == "." && endsWithInitial(result))
        {
            result = tidy(String(result.dropLast()))
        }
        return result
    }

    /// Whether `text` ends with an initial such as ` A.` (`Dan A.`), whose full stop belongs to the name.
    static func endsWithInitial(_ text: String) -> Bool {
        let letters = text.dropLast()
        guard let initial = letters.last, initial.isUppercase else { return false }
        return letters.dropLast().last == " "
    }

    /// `word` without the `s` of a plural (`trustees` → `trustee`, not `class` or `bus`).
    static func singular(_ word: String) -> String {
        switch PeopleBytes.pluralEnding(word) {
        case true?: String(decoding: word.utf8.dropLast(), as: UTF8.self)
        case false?: word
        case nil: word.hasSuffix("s") && !word.hasSuffix("ss") && word.count > 3 ? String(word.dropLast()) : word
        }
    }
}
