import Ingest

/// Which list of a meeting's people a block feeds.
enum PeopleGroup: Hashable, Sendable {
    /// Members present.
    case attendees
    /// Officials, guests, observers and staff listed apart from members.
    case officials
    /// Apologies and absences.
    case absent
}

/// Words that mark people blocks, shared by the extractors that must step around them.
enum PeopleWords {
    static let attendees: Set<String> = [
        "attendees", "attendance", "present", "participants", "members present", "attending", "roll call", "members",
        "in attendance members", "council", "committee members", "steering committee members", "board members",
        "tsc members", "people present", "attendees present", "attendee", "participant", "attended", "attendance list",
        "attendee list", "those present", "present at the meeting", "members attending", "council members",
        "roll-call", "rollcall", "members in attendance", "present in person", "present remotely", "attending remotely",
    ]
    static let officials: Set<String> = [
        "officials", "guests", "observers", "visitors", "staff", "also present", "in attendance", "other attendees",
        "others", "others present", "guest", "observer", "officers", "advisers", "advisors", "also attending",
        "also in attendance", "visitor", "official", "invited", "invitees", "guests present", "staff present",
        "officials present", "non-members", "non members", "ex officio", "other participants",
    ]
    static let absent: Set<String> = [
        "apologies", "regrets", "absent", "not attending", "missing attendees", "apologies for absence", "absentees",
        "not present", "excused", "apologies received", "absent with apologies", "unable to attend", "absences",
        "sent regrets", "apologies sent", "not in attendance", "did not attend", "apologies received from",
        "apologies from", "regrets from", "members absent", "absent members",
    ]

    /// Trailing words that make a longer title a people title (`Governors present`, `Opening and roll call`).
    static let suffixes: [(words: String, group: PeopleGroup)] = [
        ("not present", .absent), ("not attending", .absent), ("also present", .officials),
        ("also attending", .officials), ("in attendance", .officials), ("present", .attendees),
        ("attendees", .attendees), ("attendance", .attendees), ("roll call", .attendees),
        ("participants", .attendees), ("attending", .attendees), ("members", .attendees), ("apologies", .absent),
        ("regrets", .absent),
        ("absent", .absent), ("absentees", .absent), ("guests", .officials), ("observers", .officials),
        ("visitors", .officials),
    ]

    /// Labels of lines that name someone with a role: `Chair: Ann`, `Scribe: Bob`, `### Notes: Cy`.
    static let roleLabels: Set<String> = [
        "chair", "chairs", "chairperson", "chairman", "chairwoman", "co-chair", "co-chairs", "co chairs",
        "vice chair", "vice-chair", "chaired by", "secretary", "treasurer", "scribe", "scribes", "notes",
        "note taker", "note takers", "notetaker", "notetakers", "note-taker", "note-takers", "notes by",
        "notes taken by", "minutes", "minutes by", "minutes taken by", "minute taker", "minute-taker",
        "facilitator", "facilitators", "facilitated by", "moderator", "moderators", "moderated by", "convenor",
        "convener", "clerk", "timekeeper", "time keeper", "timekeepers",
    ]

    /// Words that open a role line without a colon (`Notes taken by Ann`), with the role they give.
    static let roleLeads: [(phrase: String, role: String)] = [
        ("notes taken by", "Notes"), ("minutes taken by", "Notes"), ("notes by", "Notes"), ("minutes by", "Notes"),
        ("chaired by", "Chair"), ("facilitated by", "Facilitator"), ("moderated by", "Moderator"),
    ]

    /// Labels that list guests beside a members' list, but the members when they are the only list.
    static let soleListLabels: Set<String> = ["in attendance", "also in attendance"]

    /// Pronouns in brackets (`she/her`), which are no role.
    static let pronouns: Set<String> = [
        "she", "her", "hers", "he", "him", "his", "they", "them", "theirs", "xe", "xem", "ze", "zir", "any", "all",
    ]

    /// Roll-call marks and presence cells, by the list they put a person on.
    static let statusWords: [String: PeopleGroup] = [
        "present": .attendees, "here": .attendees, "attended": .attendees, "attending": .attendees,
        "yes": .attendees, "y": .attendees, "✓": .attendees, "✔": .attendees, "✅": .attendees, "x": .attendees,
        "in person": .attendees, "remote": .attendees, "online": .attendees, "absent": .absent, "apologies": .absent,
        "apology": .absent, "apologies sent": .absent, "sent apologies": .absent, "regrets": .absent,
        "excused": .absent, "not present": .absent, "not attending": .absent, "no": .absent, "n": .absent,
        "✗": .absent, "✘": .absent, "❌": .absent,
    ]

    /// How a line ends when it says who took the notes (`Ann Lee to take notes.`).
    static let noteTakingPhrases = [
        "took notes", "took the notes", "took minutes", "took the minutes", "to take notes", "to take the notes",
        "to take minutes", "will take notes", "is taking notes", "taking notes", "took notes for the meeting",
    ]

    /// Header words of a table's columns, by what the column holds.
    static let nameColumns: Set<String> = [
        "name", "names", "full name", "attendee", "attendees", "member", "members", "person", "participant",
        "participants", "who", "guest", "guests",
    ]
    static let presenceColumns: Set<String> = ["present", "attended", "attendance", "present?", "status", "attending"]
    static let organisationColumns: Set<String> = [
        "organisation", "organization", "affiliation", "company", "employer", "org", "representing", "institution",
        "agency", "organisation/affiliation", "organization/affiliation", "affiliations", "employer/affiliation",
    ]
    static let roleColumns: Set<String> = ["role", "roles", "position", "title", "capacity", "job title", "function"]
    static let handleColumns: Set<String> = [
        "username", "user name", "handle", "github", "github handle", "github username", "user", "nick", "irc",
        "login", "slack", "@",
    ]

    /// Values that fill a people line without naming anyone.
    static let nobody: Set<String> = [
        "none", "n/a", "na", "nil", "nobody", "no one", "noone", "tbd", "tbc", "tba", "-", "--", "—", "–", "...", "…",
        "none received", "none noted", "none recorded", "no apologies", "no regrets", "no apologies received",
        "none.", "everyone", "all", "all present", "various", "see above", "see below", "vacant",
    ]

    /// Words that are never a whole name.
    static let notNames: Set<String> = [
        "none", "nobody", "everyone", "all", "others", "other", "agenda", "minutes", "notes", "welcome", "present",
        "absent", "apologies", "regrets", "attendees", "attendance", "members", "member", "guests", "guest",
        "observers", "observer", "staff", "officials", "chair", "secretary", "treasurer", "scribe", "approved",
        "accepted", "agreed", "yes", "no", "tbd", "tbc", "tba", "unknown", "various", "vacant", "same", "self",
        "introductions", "introduction", "opening", "closing", "summary", "discussion", "actions", "action",
        "decisions", "updates", "update", "aob", "thanks", "thank", "the", "and", "link", "links", "recording",
        "visitors", "participants", "moderator", "facilitator", "notetaker", "host", "clerk", "attached", "below",
        "above", "pending", "later", "here", "there", "doc", "document", "available", "posted", "shared",
        "circulated", "recorded", "taken", "todo", "wip", "draft", "final", "rotating", "volunteer", "volunteers",
        "somebody", "someone", "anyone", "us", "we", "me", "you", "them", "team",
    ]

    /// Honorifics and titles that may stand before a name.
    static let honorifics: Set<String> = [
        "dr", "mr", "mrs", "ms", "miss", "mx", "cllr", "councillor", "prof", "professor", "sir", "dame", "lord", "lady",
        "rev", "revd", "fr", "pc", "pcso", "sgt", "insp", "hon", "rt", "mayor", "councilmember", "councilman",
        "councilwoman", "alderman", "alderwoman", "commissioner", "judge", "senator", "rep",
    ]

    /// Lower-case words that may sit inside a name (`Trent van Epps`, `Marcelo Ruiz de Olano`).
    static let nameParticles: Set<String> = [
        "van", "von", "de", "der", "den", "da", "di", "del", "della", "dos", "das", "du", "la", "le", "bin", "binti",
        "ibn", "al", "el", "y", "ter", "ten", "op", "zu", "af", "av", "mac",
    ]

    /// Words that show a phrase is a role rather than a name or an organisation.
    static let roleWords: Set<String> = [
        "chair", "chairs", "chairman", "chairwoman", "chairperson", "co-chair", "vice-chair", "member", "members",
        "co-opted", "coopted", "co-opt", "secretary", "treasurer", "notes", "note-taker", "notetaker", "minutes",
        "scribe", "facilitator", "moderator", "observer", "guest", "visitor", "sponsor", "staff",
        "official", "officer", "clerk", "president", "vice-president", "director", "trustee", "governor",
        "coordinator", "co-ordinator", "lead", "leader", "manager", "head", "headteacher", "principal", "adviser",
        "advisor", "representative", "rep", "volunteer", "convenor", "convener", "host", "presenter", "speaker",
        "librarian", "administrator", "assistant", "liaison", "maintainer", "editor", "founder", "ceo", "cto", "coo",
        "cfo", "executive", "councillor", "mayor", "deputy", "recorder", "consultant",
        "engineer", "analyst", "officio", "interim", "acting", "emeritus", "intern", "fellow",
        "steward", "champion", "worker", "owner", "organiser", "organizer", "author", "reviewer", "contributor",
        "supervisor", "chief", "superintendent", "inspector", "sergeant", "constable", "solicitor", "accountant",
        "auditor", "counsel", "lecturer", "researcher", "scientist", "developer", "designer", "architect",
        "planner", "nurse", "teacher", "governors", "warden", "ranger", "caretaker",
    ]

    /// Role acronyms a bracket may hold alone (`Priya (PM)`), as against an organisation's (`(NHS)`).
    static let roleAcronyms: Set<String> = [
        "pm", "po", "vp", "md", "gm", "em", "tl", "pa", "ceo", "cto", "coo", "cfo", "cio", "cmo", "cpo", "svp", "evp",
    ]

    /// Words that join a role with a hyphen (`Vice-chair`, `Co-chair`), so the hyphen does not set the role off.
    static let rolePrefixes: Set<String> = [
        "vice", "co", "deputy", "ex", "non", "joint", "assistant", "acting", "past", "former", "sub", "pro", "self",
    ]

    /// First words of a lower-case bracket that is a note about attendance, not a role (`by phone`, `accepted`).
    static let noteWords: Set<String> = [
        "by", "via", "from", "until", "till", "left", "leaving", "joined", "joining", "arrived", "arriving", "item",
        "items", "part", "for", "accepted", "apologies", "remote", "remotely", "online", "late", "in", "on", "at",
        "when", "after", "before", "due", "sick", "ill", "illness", "holiday", "leave", "work", "family", "personal",
        "unwell", "travelling", "traveling", "away", "absent", "present", "tbc", "tbd",
    ]

    /// Words that show a phrase names an organisation.
    static let organisationWords: Set<String> = [
        "ltd", "limited", "inc", "llc", "plc", "gmbh", "trust", "council", "association", "foundation", "society",
        "university", "college", "school", "library", "ministry", "department", "service", "services", "centre",
        "center", "group", "team", "project", "network", "committee", "board", "club", "company", "corporation",
        "institute", "agency", "office", "hospital", "church", "federation", "union", "partnership", "cooperative",
        "charity", "housing", "homes", "police", "authority", "commission", "consortium", "alliance", "forum",
        "initiative", "initiatives", "collective", "campaign", "labs", "systems", "technologies", "industries",
        "corp", "llp", "bv", "pty", "sarl", "software", "solutions", "consulting", "media", "studio",
        "studios", "press", "bank", "fund", "institution", "government", "cabinet", "parliament",
    ]

    /// The normalised role tag each role word or phrase stands for, longest phrases first.
    static let roleTags: [(phrase: String, tag: String)] = [
        ("vice chairman", "vice_chair"), ("vice-chairman", "vice_chair"), ("vice chair", "vice_chair"),
        ("vice-chair", "vice_chair"), ("deputy chair", "vice_chair"), ("vice president", "vice_president"),
        ("vice-president", "vice_president"), ("co-chair", "chair"), ("cochair", "chair"), ("chairman", "chair"),
        ("chairwoman", "chair"), ("chairperson", "chair"), ("chair", "chair"), ("chairs", "chair"),
        ("co-opted", "co_opted"), ("coopted", "co_opted"), ("co opted", "co_opted"), ("co-sponsor", "sponsor"),
        ("sponsor", "sponsor"), ("member", "member"), ("members", "member"),
        ("secretary", "secretary"), ("treasurer", "treasurer"), ("note taker", "notes"), ("note-taker", "notes"),
        ("notetaker", "notes"), ("notes", "notes"), ("minute taker", "notes"), ("minute-taker", "notes"),
        ("minutes", "notes"), ("recorder", "notes"), ("scribe", "scribe"), ("facilitator", "facilitator"),
        ("moderator", "moderator"), ("observer", "observer"), ("guest", "guest"), ("visitor", "guest"),
        ("staff", "staff"), ("official", "official"), ("clerk", "clerk"),
        ("president", "president"), ("trustee", "trustee"), ("governor", "governor"), ("director", "director"),
        ("host", "host"), ("convenor", "convenor"), ("convener", "convenor"),
    ]

    /// ``roleTags`` with each phrase in words.
    static let roleTagWords = roleTags.map { (words: $0.phrase.split(separator: " ").map(String.init), tag: $0.tag) }

    /// The indices in ``roleTagWords`` of the phrases each word starts, in order.
    static let roleTagStarts = Dictionary(grouping: roleTagWords.indices) { roleTagWords[$0].words[0] }

    /// Whether a heading title names a people block.
    static func isPeopleHeading(_ title: String, vocabulary: Vocabulary) -> Bool {
        // Lower case, trimming and tidying drop no ASCII letter or digit (lower case may add one): a title with more
        // of them than any label has is none.
        if !vocabulary.hasPeopleHeadings, PeopleBytes.alphanumericCount(title, atLeast: longestGroupLabel + 1) {
            return false
        }
        // A title without a word of any label is none, where lower case makes no ASCII letter of another character.
        if !vocabulary.hasPeopleHeadings, !groupLabelWords.occurs(in: title), PeopleText.lowersOnBytes(title) {
            return false
        }
        return groupOfLabelKey[normalise(title)] != nil
            || (vocabulary.hasPeopleHeadings && vocabulary.group(ofLabelKey: labelKey(title)) != nil)
    }

    /// The group of each label of ``attendees``, ``officials`` and ``absent``, found in one look.
    static let groupOfLabelKey: [String: PeopleGroup] = {
        var groups: [String: PeopleGroup] = [:]
        // A label of two lists would belong to the first that holds it.
        for (labels, group) in [(absent, PeopleGroup.absent), (officials, .officials), (attendees, .attendees)] {
            for label in labels { groups[label] = group }
        }
        return groups
    }()

    /// The most ASCII letters and digits a label of ``groupOfLabelKey`` has.
    static let longestGroupLabel =
        groupOfLabelKey.keys.map { key in
            key.utf8.count { PeopleText.isAlphanumeric($0) }
        }.max() ?? 0

    /// Whether a line starts with a people label (`Present:`, `**Apologies**`).
    static func isPeopleLabel(_ text: String, vocabulary: Vocabulary) -> Bool {
        let head = text.split(separator: ":", maxSplits: 1).first.map(String.init) ?? text
        return isPeopleHeading(head, vocabulary: vocabulary)
    }

    static func normalise(_ text: String) -> String {
        tidy(PeopleText.lowercased(text).trimmingPlain("*_#:- ").replacingAll("’", with: "'"))
    }

    /// The label without a trailing note in brackets (`Attendees (in order of arrival)`), normalised.
    static func labelKey(_ text: String) -> String {
        var key = PeopleBytes.keptLowercased(text).map { tidy($0.trimmingPlain("*_#:- ")) } ?? keptKey(text)
        if key.hasSuffix(")"), let open = key.lastIndex(of: "("), open > key.startIndex {
            key = normalise(String(key[..<open]))
        }
        return key
    }

    /// The letters, digits, white space and `'’()/-&,` of `text`, normalised, read by the characters: what
    /// ``labelKey(_:)`` reads on the bytes where ``PeopleBytes/keptLowercased(_:)`` can.
    static func keptKey(_ text: String) -> String {
        // Emoji and counts beside a label (`Attendees 👋`, `Present (12)`) are no part of it.
        normalise(text.filter { $0.isLetter || $0.isNumber || $0.isWhitespace || "'’()/-&,".contains($0) })
    }

    /// The group a label or heading names exactly (`Present`, `**Officials**`, `Not attending:`).
    static func group(ofLabel text: String, vocabulary: Vocabulary) -> PeopleGroup? {
        groupAndKey(ofLabel: text, vocabulary: vocabulary).group
    }

    /// ``group(ofLabel:vocabulary:)``, with the ``labelKey(_:)`` of `text` when it was worked out to find that.
    static func groupAndKey(ofLabel text: String, vocabulary: Vocabulary) -> (group: PeopleGroup?, key: String?) {
        // Labels are short; a long line is never one, and need not be normalised to find that out.
        guard text.utf8.count <= 80,
            vocabulary.hasPeopleHeadings || (groupLabelLeads.mayMatch(text) && groupLabelWords.occurs(in: text))
        else {
            return (nil, nil)
        }
        let key = labelKey(text)
        return (groupOfLabelKey[key] ?? vocabulary.group(ofLabelKey: key), key)
    }

    /// The group a longer title ends with (`Governors present`, `Opening, welcome and roll call`).
    ///
    /// A word that says who is there (`present`, `attending`, `absent`) must follow plural people
    /// (`Councillors present`, not `Items to present`); `members` ends a label (`Team members: Ann, Bob`) but not a
    /// heading, where `New members` may list people who were not there.
    static func group(endingTitle text: String, allowMembers: Bool = false) -> PeopleGroup? {
        guard text.utf8.count <= 160 else { return nil }
        // Most titles' keys end with no suffix, which the bytes of an ASCII title tell without making the key.
        if PeopleBytes.withBytes(text, { keyMayEndWithSuffix(asciiTitle: $0) }) == false { return nil }
        return group(endingKey: labelKey(text), allowMembers: allowMembers)
    }

    /// ``group(endingTitle:allowMembers:)`` of a title's ``labelKey(_:)``.
    static func group(endingKey key: String, allowMembers: Bool = false) -> PeopleGroup? {
        // A key ends with a suffix only when its last two characters are the suffix's, ASCII letters of one byte
        // each: its last two bytes, which most keys end otherwise.
        guard PeopleBytes.withBytes(key, { mayEnd(with: $0) }) else { return nil }
        guard PeopleText.wordCount(key) <= 6 else { return nil }
        // Plain text ends with the bytes of an ASCII suffix where it ends with its characters.
        let found =
            PeopleBytes.isPlain(key)
            ? PeopleBytes.withBytes(key) { bytes in
                // The key is the suffix, or ends with it after a space: compared from the end, where most differ.
                spacedSuffixBytes.firstIndex { whole, _ in
                    PeopleBytes.hasSuffix(bytes, whole)
                        && (bytes.count == whole.count || bytes[bytes.count - whole.count - 1] == UInt8(ascii: " "))
                }
            }
            : spacedSuffixes.firstIndex { key == $0.suffix || key.hasSuffix($0.spaced) }
        guard let found else { return nil }
        let (suffix, _, length, group) = spacedSuffixes[found]
        if suffix == "members", !allowMembers { return nil }
        let words = PeopleText.words(key)
        if statesPresence.contains(suffix), words.count > length {
            let before = words[words.count - length - 1]
            guard before.hasSuffix("s") || ["staff", "people", "everyone"].contains(before) else { return nil }
        }
        return group
    }

    /// ``suffixes`` with each one's words after a space (` present`), and how many words it has.
    private static let spacedSuffixes = suffixes.map { suffix, group in
        (suffix: suffix, spaced: " " + suffix, length: suffix.split(separator: " ").count, group: group)
    }

    /// The bytes of each of ``spacedSuffixes``, alone and after a space.
    private static let spacedSuffixBytes = spacedSuffixes.map { (Array($0.suffix.utf8), Array($0.spaced.utf8)) }

    /// The last two bytes of each of ``suffixes``, as a pair.
    private static let suffixTails = Array(Set(suffixes.map { suffix in tail(Array(suffix.words.utf8)) ?? 0 }))

    /// The last four bytes of each of ``suffixes`` (each has four or more), as one number.
    private static let suffixEnds = Array(
        Set(suffixes.map { suffix in suffix.words.utf8.suffix(4).reduce(0) { $0 << 8 | UInt32($1) } })
    )

    /// Whether the ``labelKey(_:)`` of the ASCII title `bytes` may end with one of ``suffixes``: `false` when its last
    /// four bytes are none of theirs; `nil` when the bytes cannot tell (beyond ASCII, or a key that ends with a bracket).
    ///
    /// The key keeps the letters, digits, white space and `'()/-&,` of the title in lower case, trims spaces and
    /// hyphens at its end (to the first other character), then white space, and makes each run of white space one
    /// space; read from the end, a byte at a time.
    static func keyMayEndWithSuffix(asciiTitle bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        var end: UInt32 = 0
        var count = 0
        var trimming = true
        var space = false
        var index = bytes.count
        while index > 0, count < 4 {
            index -= 1
            let byte = bytes[index]
            guard byte < 0x80 else { return nil }
            let lower = PeopleBytes.lowered(byte)
            let white = PeopleBytes.isSpace(lower)
            guard
                PeopleBytes.isLowerLetter(lower) || PeopleBytes.isDigit(lower) || white
                    || PeopleText.isOne(lower, of: "'()/-&,")
            else { continue }
            if trimming {
                if lower == UInt8(ascii: " ") || lower == UInt8(ascii: "-") { continue }
                trimming = false
            }
            if white {
                // Trailing white space goes; a run inside is one space, written before the next byte kept.
                space = count > 0
                continue
            }
            if count == 0, lower == UInt8(ascii: ")") { return nil }
            if space {
                end |= UInt32(UInt8(ascii: " ")) << (8 * UInt32(count))
                count += 1
                space = false
                if count == 4 { break }
            }
            end |= UInt32(lower) << (8 * UInt32(count))
            count += 1
        }
        // A key of fewer than four bytes is no suffix, nor ends with one.
        guard count == 4 else { return false }
        return suffixEnds.contains(end)
    }

    /// The last two of `bytes` as a pair, or `nil` when there are fewer.
    private static func tail(_ bytes: some BidirectionalCollection<UInt8>) -> UInt16? {
        guard let last = bytes.last, let before = bytes.dropLast().last else { return nil }
        return UInt16(before) << 8 | UInt16(last)
    }

    /// Whether the UTF-8 `bytes` end with the last two bytes of one of ``suffixes``: `false` when no suffix ends them.
    static func mayEnd(with bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count >= 4 else { return false }
        return suffixEnds.contains(bytes[(bytes.count - 4)...].reduce(0) { $0 << 8 | UInt32($1) })
    }

    /// Whether the ``labelKey(_:)`` of `label`, a `Label:` as ``PersonBlockReader/labelled(_:)`` reads it, may end with
    /// one of ``suffixes`` or with `s`: `false` only when it cannot, as the bytes of an ASCII label tell.
    ///
    /// An ASCII label of letters, digits, spaces, `'`, `-`, `&` and `.` keys to itself in lower case without its full
    /// stops and without spaces and hyphens at its ends: the key ends with the label's last byte that is none of those
    /// three, after the byte before it that is no full stop.
    static func keyMayEndAGroupOrPlural(label: String) -> Bool {
        PeopleBytes.withBytes(label) { bytes in
            guard
                bytes.allSatisfy({
                    PeopleText.isAlphanumeric($0) || $0 == UInt8(ascii: " ") || PeopleText.isOne($0, of: "'-&.")
                })
            else { return true }
            var end = bytes.count
            while end > 0, PeopleText.isOne(bytes[end - 1], of: ". -") { end -= 1 }
            guard end > 0 else { return true }
            let last = PeopleBytes.lowered(bytes[end - 1])
            if last == UInt8(ascii: "s") { return true }
            var before = end - 1
            while before > 0, bytes[before - 1] == UInt8(ascii: ".") { before -= 1 }
            guard before > 0 else { return true }
            return suffixTails.contains(UInt16(PeopleBytes.lowered(bytes[before - 1])) << 8 | UInt16(last))
        }
    }

    /// Suffixes that say who is there rather than name people.
    static let statesPresence: Set<String> = ["present", "attending", "absent", "in attendance"]

    /// Which columns of a table hold the name, organisation, role and handle, from its header.
    static func tableColumns(
        _ header: [String]
    ) -> (name: Int?, organization: Int?, role: Int?, handle: Int?, presence: Int?) {
        let keys = header.map { labelKey($0) }
        return (
            keys.firstIndex { nameColumns.contains($0) },
            keys.firstIndex { organisationColumns.contains($0) },
            keys.firstIndex { roleColumns.contains($0) },
            keys.firstIndex { handleColumns.contains($0) },
            keys.firstIndex { presenceColumns.contains($0) }
        )
    }

    /// The list a roll-call mark puts someone on: `present`, `✓` → attendees; `apologies`, `absent` → absent.
    static func status(of text: String) -> PeopleGroup? {
        // More letters and digits than the longest mark has: no mark, and no need to normalise.
        if !statusLeads.mayMatch(text) || PeopleBytes.alphanumericCount(text, atLeast: longestStatus + 1) { return nil }
        return statusWords[tidy(PeopleText.lowercased(text).trimmingPlain(" .!()"))]
    }

    /// How the marks of ``statusWords`` start.
    private static let statusLeads = LeadPairs(statusWords.keys)

    /// The most letters and digits any of ``statusWords`` has.
    private static let longestStatus = statusWords.keys.map { $0.unicodeScalars.count }.max() ?? 0

    /// The role everyone under a label holds, when the label names one: `Members` → `Member`, `Steering Committee
    /// Members` → `Steering Committee Member`; `nil` for `Present`, `Attendees`, `Guests`.
    ///
    /// `key` is ``labelKey(_:)`` of `text` when the caller has it.
    static func role(forLabel text: String, key: String? = nil) -> String? {
        let words = PeopleText.words(key ?? labelKey(text))
        guard let last = words.last, last == "members" || last == "member",
            !words.contains(where: { ["present", "attendance", "attending", "in"].contains($0) })
        else { return nil }
        return singular(text)
    }

    /// A title in the singular, as written: `Trustees` → `Trustee`, `Steering Committee Members` → `Steering
    /// Committee Member`.
    static func singular(_ text: String) -> String {
        let title = tidy(text.trimmingPlain("*_#: "))
        guard title.hasSuffix("s"), !title.hasSuffix("ss"), title.count > 3 else { return title }
        return String(title.dropLast())
    }

    /// The role a role label gives, as written: `Chaired by` → `Chair`, `### Notes` → `Notes`.
    static func roleName(forLabel text: String) -> String {
        let label = tidy(text.trimmingPlain("*_#: "))
        switch labelKey(label) {
        case "chaired by": return "Chair"
        case "notes by", "notes taken by", "minutes by", "minutes taken by": return "Notes"
        case "facilitated by": return "Facilitator"
        case "moderated by": return "Moderator"
        default: return label.prefix(1).uppercased() + label.dropFirst()
        }
    }

    /// Whether a label names a role (`Chair`, `Note taker`), of the built-in ones or those `vocabulary` adds.
    static func isRoleLabel(_ text: String, vocabulary: Vocabulary) -> Bool {
        guard vocabulary.roleLabels.isEmpty else {
            let key = labelKey(text)
            return roleLabels.contains(key) || vocabulary.roleLabels.contains(key)
        }
        if let own = PeopleBytes.withBytes(text, roleLabelOfOwnKey) { return own }
        return isRoleLabelByKey(text)
    }

    /// ``isRoleLabel(_:vocabulary:)`` without labels of the vocabulary, read from the text's ``labelKey(_:)``.
    static func isRoleLabelByKey(_ text: String) -> Bool {
        roleLabelWords.occurs(in: text) && roleLabels.contains(labelKey(text))
    }

    /// Whether the ASCII `bytes` are one of ``roleLabels`` in any case, when they are their own ``labelKey(_:)`` in lower
    /// case: letters, digits, `'`, `&` and `-`, in words parted by single spaces, with a letter or digit at each end
    /// (the key keeps each of those bytes, lowered, and has nothing to trim or tidy); `nil` for other text.
    static func roleLabelOfOwnKey(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        guard let first = bytes.first, let last = bytes.last, PeopleText.isAlphanumeric(first),
            PeopleText.isAlphanumeric(last)
        else { return nil }
        var previous: UInt8 = 0
        for byte in bytes {
            let space = byte == UInt8(ascii: " ")
            guard PeopleText.isAlphanumeric(byte) || PeopleText.isOne(byte, of: "'&-") || space && previous != byte
            else { return nil }
            previous = byte
        }
        return roleLabelBytes.containsLowered(bytes)
    }

    /// ``roleLabels``, looked up by the bytes of ASCII text.
    static let roleLabelBytes = PeopleWordSet(roleLabels)

    /// The longest word of each of `labels`: a text that holds none of them is none of the labels, whatever its
    /// case and markup, and need not be normalised to find that out.
    static func keywords(of labels: some Sequence<String>) -> TextSearch.Vocabulary {
        let words = labels.map { label in
            label.split(separator: " ").max { $0.utf8.count < $1.utf8.count }.map(String.init) ?? label
        }
        return TextSearch.Vocabulary(Array(Set(words)).sorted())
    }

    /// A word of every people label (``attendees``, ``officials``, ``absent``).
    static let groupLabelWords = keywords(of: attendees.union(officials).union(absent))

    /// How the people labels (``attendees``, ``officials``, ``absent``) start.
    ///
    /// The key of an ASCII label (``labelKey(_:)``) keeps its letters and digits in order, but may lose those of a
    /// last bracket, so that the first two of a key with two or more are the text's. Every label has two (a test
    /// holds them to it).
    static let groupLabelLeads = LeadPairs(attendees.union(officials).union(absent))

    /// A word of every role label, role lead and note-taking phrase.
    static let roleLabelWords = keywords(of: roleLabels.union(roleLeads.map(\.phrase)).union(noteTakingPhrases))

    /// Normalised tags for a role as written, in the order written: `permanent member and co-sponsor of the panel` →
    /// `member`, `sponsor`.
    static func tags(forRole role: String) -> [String] {
        // `TSC`, `WG`: a group's acronym as the role makes a member of it.
        if PersonEntryParser.isAcronym(role), !roleAcronyms.contains(PeopleText.lowercased(role)) { return ["member"] }
        // Most roles hold no word that starts a phrase, which a look at the bytes of ASCII text finds.
        if mayHoldRoleTag(role) == false { return [] }
        return tags(ofWords: role)
    }

    /// ``tags(forRole:)`` of a role that is no acronym, found among its words: on the bytes of ASCII text.
    static func tags(ofWords role: String) -> [String] {
        PeopleBytes.withBytes(role, asciiTags(ofWords:)) ?? characterTags(ofWords: role)
    }

    /// ``tags(ofWords:)`` of a role read as characters.
    static func characterTags(ofWords role: String) -> [String] {
        var text = PeopleText.lowercased(role)
        // In ASCII text each of these characters is its byte, and there is no `’`.
        if let spaced = PeopleBytes.replacingASCII(text, ",;/().:&+", with: UInt8(ascii: " ")) {
            text = spaced
        } else {
            text = text.replacingAll("’", with: "'")
            for separator in [",", ";", "/", "(", ")", ".", ":", "&", "+"] {
                text = text.replacingAll(separator, with: " ")
            }
        }
        var words = PeopleText.words(tidy(text)).map(String.init)
        var found: [(position: Int, tag: String)] = []
        // Longer phrases first; a matched word is used once. Only phrases that start with one of the words can match.
        var starts: [Int] = []
        for word in words { starts += roleTagStarts[word] ?? [] }
        // Most roles hold no word that starts a phrase.
        guard !starts.isEmpty else { return [] }
        let candidates = Set(starts).sorted()
        for (phraseWords, tag) in candidates.map({ roleTagWords[$0] }) {
            guard phraseWords.count <= words.count, words.contains(phraseWords[0]) else { continue }
            for start in 0...(words.count - phraseWords.count)
            where words[start..<start + phraseWords.count].elementsEqual(phraseWords) {
                found.append((start, tag))
                for index in start..<start + phraseWords.count { words[index] = "" }
            }
        }
        var tags: [String] = []
        for (_, tag) in found.sorted(by: { $0.position < $1.position }) where !tags.contains(tag) {
            tags.append(tag)
        }
        return tags
    }

    /// ``characterTags(ofWords:)`` of an ASCII role, given as its bytes; `nil` when it is not ASCII.
    ///
    /// The words are the runs between white space and `,;/().:&+`, compared in lower case. Each phrase, in the order
    /// of ``roleTags``, takes the places where its words stand and no phrase before it took one; a phrase whose first
    /// word no word is takes none, as a phrase no word starts is never tried.
    static func asciiTags(ofWords bytes: UnsafeBufferPointer<UInt8>) -> [String]? {
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
        return withUnsafeTemporaryAllocation(of: Range<Int>.self, capacity: bytes.count / 2 + 1) { words in
            var count = 0
            var start = 0
            for index in 0...bytes.count
            where index == bytes.count || PeopleBytes.isSpace(bytes[index])
                || PeopleText.isOne(bytes[index], of: ",;/().:&+")
            {
                if start < index {
                    words[count] = start..<index
                    count += 1
                }
                start = index + 1
            }
            return withUnsafeTemporaryAllocation(of: Bool.self, capacity: max(count, 1)) { taken in
                // Only the phrases that a word starts are tried, in their order (most roles hold no such word: then
                // none is); a phrase no word starts takes no place. They are a bit each, read from the lowest.
                var candidates: UInt64 = 0
                for position in 0..<count {
                    taken[position] = false
                    let word = UnsafeBufferPointer(rebasing: bytes[words[position]])
                    if roleTagStartBytes.containsLowered(word) { candidates |= roleTagPhrases(startingWith: word) }
                }
                guard candidates != 0 else { return [] }
                func isWord(_ position: Int, _ word: [UInt8]) -> Bool {
                    let range = words[position]
                    guard !taken[position], range.count == word.count else { return false }
                    var offset = 0
                    while offset < word.count {
                        if PeopleBytes.lowered(bytes[range.lowerBound + offset]) != word[offset] { return false }
                        offset += 1
                    }
                    return true
                }
                func isPhrase(_ phrase: [[UInt8]], at start: Int) -> Bool {
                    var index = 0
                    while index < phrase.count {
                        if !isWord(start + index, phrase[index]) { return false }
                        index += 1
                    }
                    return true
                }
                var found: [(position: Int, tag: String)] = []
                while candidates != 0 {
                    let candidate = candidates.trailingZeroBitCount
                    candidates &= candidates - 1
                    let (phrase, tag) = roleTagWordBytes[candidate]
                    guard phrase.count <= count else { continue }
                    var start = 0
                    while start < count, !isWord(start, phrase[0]) { start += 1 }
                    guard start < count else { continue }
                    for start in 0...(count - phrase.count) where isPhrase(phrase, at: start) {
                        found.append((start, tag))
                        for position in start..<start + phrase.count { taken[position] = true }
                    }
                }
                // One phrase found (or none) needs no ordering.
                if found.count <= 1 { return found.map(\.tag) }
                var tags: [String] = []
                for (_, tag) in found.sorted(by: { $0.position < $1.position }) where !tags.contains(tag) {
                    tags.append(tag)
                }
                return tags
            }
        }
    }

    /// The words of each of ``roleTags``, as bytes.
    static let roleTagWordBytes = roleTagWords.map { (words: $0.words.map { Array($0.utf8) }, tag: $0.tag) }

    /// Whether ASCII `role` has a word, between white space and the characters ``tags(forRole:)`` reads as spaces
    /// (`,;/().:&+`), that starts a phrase of ``roleTags`` in any case; `nil` when `role` is not ASCII.
    static func mayHoldRoleTag(_ role: String) -> Bool? {
        PeopleBytes.withBytes(role) { bytes -> Bool? in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            let starts = roleTagStartBytes
            var start = 0
            for index in 0...bytes.count
            where index == bytes.count || PeopleBytes.isSpace(bytes[index])
                || PeopleText.isOne(bytes[index], of: ",;/().:&+")
            {
                if start < index, starts.containsLowered(UnsafeBufferPointer(rebasing: bytes[start..<index])) {
                    return true
                }
                start = index + 1
            }
            return false
        }
    }

    /// The first words of ``roleTags``, looked up by the bytes of ASCII text.
    static let roleTagStartBytes = PeopleWordSet(roleTagStarts.keys)

    /// The bytes of each first word of ``roleTags`` (``roleTagStarts``), with a bit for the index of each phrase it
    /// starts.
    static let roleTagStartPhrases: [(word: [UInt8], phrases: UInt64)] = {
        precondition(roleTagWords.count <= 64, "more role tag phrases than a bit each in 64")
        return roleTagStarts.map { word, indices in (Array(word.utf8), indices.reduce(0) { $0 | 1 << UInt64($1) }) }
    }()

    /// The bits of the phrases of ``roleTags`` that the ASCII `word` starts, in any case (``roleTagStarts`` of the word
    /// lowered): looked through on the bytes, without a string.
    static func roleTagPhrases(startingWith word: UnsafeBufferPointer<UInt8>) -> UInt64 {
        for (start, phrases) in roleTagStartPhrases where start.count == word.count {
            if start.indices.allSatisfy({ PeopleBytes.lowered(word[$0]) == start[$0] }) { return phrases }
        }
        return 0
    }

    /// The tag a group label carries for everyone listed under it (`Guests` → `guest`).
    ///
    /// `key` is ``labelKey(_:)`` of `text` when the caller has it.
    static func tag(forLabel text: String, key: String? = nil) -> String? {
        let key = key ?? labelKey(text)
        return PeopleBytes.withBytes(key, asciiTag(ofKey:)) ?? tag(ofKeyWords: key)
    }

    /// ``role(forLabel:key:)`` and ``tag(forLabel:key:)`` of `text`, from one ``labelKey(_:)`` (`key`, when the
    /// caller has it).
    static func roleAndTag(forLabel text: String, key: String? = nil) -> (role: String?, tag: String?) {
        let key = key ?? labelKey(text)
        return (role(forLabel: text, key: key), tag(forLabel: text, key: key))
    }

    /// ``tag(forLabel:)`` of a label's key, read by its words.
    static func tag(ofKeyWords key: String) -> String? {
        let words = PeopleText.words(key).map { $0.hasSuffix("s") && !$0.hasSuffix("ss") ? $0.dropLast() : $0 }
        guard let last = words.last else { return nil }
        if words.contains("present") || words.contains("attendance") || words.contains("attending") {
            return nil
        }
        switch last {
        case "member", "council": return "member"
        case "official", "officer": return "official"
        case "guest", "visitor", "invitee": return "guest"
        case "observer": return "observer"
        case "staff": return "staff"
        default: return nil
        }
    }

    /// ``tag(forLabel:)`` of an ASCII label key, read on its bytes, where each byte is a character; `nil` when the key
    /// is not ASCII.
    static func asciiTag(ofKey bytes: UnsafeBufferPointer<UInt8>) -> String?? {
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
        var last: UnsafeBufferPointer<UInt8>?
        var start = 0
        while let word = PeopleBytes.nextWord(in: bytes, from: start) {
            start = word.upperBound
            // A plural's `s` (not `ss`) is dropped.
            let plural =
                bytes[word.upperBound - 1] == UInt8(ascii: "s")
                && (word.count < 2 || bytes[word.upperBound - 2] != UInt8(ascii: "s"))
            let bare = UnsafeBufferPointer(rebasing: bytes[word.lowerBound..<word.upperBound - (plural ? 1 : 0)])
            // The words are compared with static bytes, without an array of strings made for each key.
            func `is`(_ word: StaticString) -> Bool { PeopleBytes.equals(bare, word) }
            if `is`("present") || `is`("attendance") || `is`("attending") { return .some(nil) }
            last = bare
        }
        guard let last else { return .some(nil) }
        func `is`(_ word: StaticString) -> Bool { PeopleBytes.equals(last, word) }
        if `is`("member") || `is`("council") { return "member" }
        if `is`("official") || `is`("officer") { return "official" }
        if `is`("guest") || `is`("visitor") || `is`("invitee") { return "guest" }
        if `is`("observer") { return "observer" }
        if `is`("staff") { return "staff" }
        return .some(nil)
    }
}

extension PeopleWords {
    /// ``nobody``, looked up by the bytes of ASCII text.
    static let nobodyBytes = PeopleWordSet(nobody)
    /// ``notNames``, looked up by the bytes of ASCII text.
    static let notNameBytes = PeopleWordSet(notNames)
    /// ``honorifics``, looked up by the bytes of ASCII text.
    static let honorificBytes = PeopleWordSet(honorifics)
    /// ``nameParticles``, looked up by the bytes of ASCII text.
    static let nameParticleBytes = PeopleWordSet(nameParticles)
    /// ``roleWords``, looked up by the bytes of ASCII text.
    static let roleWordBytes = PeopleWordSet(roleWords)
    /// ``organisationWords``, looked up by the bytes of ASCII text.
    static let organisationWordBytes = PeopleWordSet(organisationWords)
    /// ``rolePrefixes``, looked up by the bytes of ASCII text.
    static let rolePrefixBytes = PeopleWordSet(rolePrefixes)
}

/// A ``ByteWordSet`` that first looks at a word's length and first byte, which rule out most words of people lines
/// before they are hashed: a word of the set has a length and a first byte (in lower case) that one of its words has.
struct PeopleWordSet: Sendable {
    private let words: ByteWordSet
    /// A bit for each length of a word, below 64.
    private let lengths: UInt64
    /// The most bytes a word has.
    private let longest: Int
    /// A bit for each first byte of a word, in lower case (ASCII).
    private let firsts: (UInt64, UInt64)

    /// The words of `list` that a ``ByteWordSet`` holds.
    init(_ list: some Sequence<String>) {
        let list = Array(list)
        words = ByteWordSet(list)
        var lengths: UInt64 = 0
        var longest = 0
        var firsts: (UInt64, UInt64) = (0, 0)
        for word in list.compactMap(PeopleBytes.asciiEquivalent) {
            let count = word.utf8.count
            if count < 64 { lengths |= 1 << UInt64(count) }
            longest = max(longest, count)
            guard let first = word.utf8.first.map(PeopleBytes.lowered), first < 0x80 else { continue }
            if first < 64 { firsts.0 |= 1 << UInt64(first) } else { firsts.1 |= 1 << UInt64(first - 64) }
        }
        self.lengths = lengths
        self.longest = longest
        self.firsts = firsts
    }

    /// Whether the ASCII `bytes`, in lower case, are one of the words.
    ///
    /// Inlined, so that the looks at the length and first byte, which rule out most words, cost no call.
    @inline(__always)
    func containsLowered(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = bytes.first else { return words.containsLowered(bytes) }
        let count = bytes.count
        guard count < 64 ? lengths >> UInt64(count) & 1 != 0 : count <= longest else { return false }
        let lower = PeopleBytes.lowered(first)
        guard lower < 0x80, (lower < 64 ? firsts.0 >> UInt64(lower) : firsts.1 >> UInt64(lower - 64)) & 1 != 0 else {
            return false
        }
        return words.containsLowered(bytes)
    }

    /// ``containsLowered(_:)`` of the bytes of `text`; `nil` when `text` is not ASCII.
    func containsLowered(_ text: some StringProtocol) -> Bool? {
        words.containsLowered(text)
    }
}
