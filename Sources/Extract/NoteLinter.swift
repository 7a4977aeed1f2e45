public import Ingest

/// Checks a meeting record for what its writer should fix: what extraction could not read, a missing title or date,
/// actions without an owner or a due date, and owners who are not among the attendees or officials.
///
/// Owners match people by name, handle or role (`Chair`) case-insensitively, and by a first or last name or initials
/// (`BW`) when exactly one person fits; collective owners (`All`, `Everyone`, the team) and organisations of those
/// present match too.
public struct NoteLinter: Sendable {
    /// The configured words: role phrases an owner may name (`Presiding officer`).
    public var vocabulary: Vocabulary

    /// Creates a linter that knows the configured `vocabulary`.
    public init(vocabulary: Vocabulary = Vocabulary()) {
        self.vocabulary = vocabulary
    }

    /// The problems in `meeting`: its own diagnostics and the linter's, ordered by line.
    public func check(_ meeting: Meeting) -> [Diagnostic] {
        let path = meeting.source.path
        var found = meeting.diagnostics.filter { !Self.restated.contains($0.message) }
        if meeting.title == nil {
            found.append(
                Diagnostic(
                    .error,
                    "no title found: start the note with a heading that names the meeting",
                    file: path,
                    line: 1
                )
            )
        }
        if meeting.date == nil {
            found.append(
                Diagnostic(
                    .error,
                    "no meeting date found: write it near the top (`Date: 4 March 2021`)",
                    file: path,
                    line: 1
                )
            )
        }
        let present = meeting.attendees + meeting.officials
        if present.isEmpty {
            let message = "no attendees found: list who was there under a heading such as `Attendees` or `Present`"
            found.append(Diagnostic(.warning, message, file: path, line: 1))
        }
        let roster = OwnerRoster(present: present, absent: meeting.absent, vocabulary: vocabulary)
        for action in meeting.actions {
            let line = action.lines.first
            if action.owners.isEmpty {
                let message = "action \(action.id) has no owner: name who will do it (`Action: Ann to …`)"
                found.append(Diagnostic(.warning, message, file: path, line: line))
            }
            if action.due == nil && action.dueText == nil {
                let message = "action \(action.id) has no due date"
                found.append(Diagnostic(.warning, message, file: path, line: line))
            }
            guard !present.isEmpty else { continue }
            for owner in action.owners {
                switch roster.match(owner) {
                case .present: continue
                case .absent:
                    let message =
                        "action \(action.id): owner '\(owner)' is listed as absent, not among the attendees or officials"
                    found.append(Diagnostic(.warning, message, file: path, line: line))
                case .ambiguous(let names):
                    let message =
                        "action \(action.id): owner '\(owner)' could be any of \(names.joined(separator: ", "))"
                    found.append(Diagnostic(.warning, message, file: path, line: line))
                case .unknown:
                    let message = "action \(action.id): owner '\(owner)' is not among the attendees or officials"
                    found.append(Diagnostic(.warning, message, file: path, line: line))
                }
            }
        }
        // Stable: two findings on one line keep the order they were made in.
        return found.enumerated().sorted {
            ($0.element.position?.line ?? 0, $0.offset) < ($1.element.position?.line ?? 0, $1.offset)
        }.map(\.element)
    }

    /// Extraction warnings that a rule of the linter says again, with more help; they are reported once.
    static let restated: Set<String> = [
        "action has no owner", "no meeting date found in the note or its file name",
    ]
}

/// The people of a meeting, for matching action owners against.
struct OwnerRoster {
    /// How an owner matched.
    enum Match: Equatable {
        case present
        case absent
        case ambiguous([String])
        case unknown
    }

    let present: [Person]
    let absent: [Person]
    var vocabulary = Vocabulary()

    /// Owners that stand for a group rather than a person.
    static let collective: Set<String> = [
        "all", "everyone", "everybody", "all members", "members", "team", "the team", "group", "the group", "committee",
        "the committee", "board", "the board", "tbd", "tbc", "tba", "n/a", "none", "nobody", "anyone", "volunteers",
        "volunteer", "us", "we",
    ]

    /// How `owner` matches the people present, or failing that those absent.
    func match(_ owner: String) -> Match {
        let key = Self.key(owner)
        if key.isEmpty || Self.collective.contains(key) || key.hasPrefix("all ") { return .present }
        switch match(key, owner: owner, in: present) {
        case .unknown: break
        case let found: return found
        }
        return match(key, owner: owner, in: absent) == .present ? .absent : .unknown
    }

    private func match(_ key: String, owner: String, in people: [Person]) -> Match {
        guard !people.isEmpty else { return .unknown }
        let exact = people.contains { person in
            [person.name, person.nameAsWritten, person.handle, person.organization, person.organizationAsWritten]
                .contains { $0.map(Self.key) == key }
        }
        if exact { return .present }
        // `Chair`, `Secretary`: the role someone holds.
        let tags = PeopleWords.tags(forRole: owner) + vocabulary.tags(forRole: owner)
        if !tags.isEmpty, people.contains(where: { person in tags.allSatisfy(person.roles.contains) }) {
            return .present
        }
        let words = Self.words(owner)
        var candidates: [Person] = []
        if words.count == 1 {
            // One of the names alone: `Ann`, `Lee`, `Cllr Lee`, `Peggy` for `Margaret “Peggy” Holloway`.
            candidates = people.filter { Self.words($0.name).contains(words[0]) }
            // Initials: `BW`, `A.L.`
            let letters = owner.filter(\.isLetter)
            if candidates.isEmpty, (2...4).contains(letters.count), letters.allSatisfy(\.isUppercase) {
                candidates = people.filter { Self.initials($0.name) == letters.lowercased() }
            }
        } else if words.count > 1 {
            // `Ann L.`, `A. Lee`: a full name shortened.
            candidates = people.filter { person in
                let parts = Self.words(person.name)
                return parts.count == words.count
                    && zip(parts, words).allSatisfy { $0 == $1 || ($1.count == 1 && $0.hasPrefix($1)) }
            }
        }
        switch candidates.count {
        case 0: return .unknown
        case 1: return .present
        default: return .ambiguous(candidates.map(\.name))
        }
    }

    /// Lower case, without `@`, dots and surrounding spaces.
    static func key(_ text: String) -> String {
        let kept = text.lowercased().filter { $0 != "." && $0 != "@" }
        return kept.split(separator: " ").joined(separator: " ")
    }

    /// The words of a name, lower case, without quotes around a nickname or an honorific before it (`Cllr`, `PC`).
    static func words(_ name: String) -> [String] {
        let words = key(name).split(separator: " ").map { $0.filter { !"“”\"'‘’()".contains($0) } }
        return Array(words.drop { PeopleWords.honorifics.contains($0) }).filter { !$0.isEmpty }
    }

    /// The lower-case initials of a name's capitalised words: `Bob van Wilson` → `bw`.
    static func initials(_ name: String) -> String {
        String(name.split(separator: " ").compactMap { word in word.first?.isUppercase == true ? word.first : nil })
            .lowercased()
    }
}
