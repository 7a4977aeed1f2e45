public import Ingest

/// The words a configuration adds to extraction, normalised the way each extractor compares them.
public struct Vocabulary: Hashable, Sendable {
    /// Extra people labels and headings, as ``PeopleWords/labelKey(_:)`` keys, by group.
    var attendees: Set<String> = []
    var officials: Set<String> = []
    var absent: Set<String> = []
    /// Extra action headings and labels, as ``ActionMarker/normalisedHeading(_:)`` keys.
    var actionHeadings: Set<String> = []
    /// Extra decision headings and labels, as ``ActionMarker/normalisedHeading(_:)`` keys.
    var decisionHeadings: Set<String> = []
    /// Extra action markers, lower case.
    var actionMarkers: [String] = []
    /// Extra decision markers, lower case.
    var decisionMarkers: [String] = []
    /// Extra role phrases (lower-case words) and the tag each gives, longest first.
    var roles: [RolePhrase] = []
    /// Role labels (`presiding officer`), as ``PeopleWords/labelKey(_:)`` keys.
    var roleLabels: Set<String> = []
    /// Organisation aliases: the alias, lower case, and its canonical name.
    var organizations: [String: String] = [:]
    /// Person aliases: the alias, lower case and without `@`, and the canonical name.
    var people: [String: String] = [:]

    /// The built-in words only.
    public init() {}

    /// The words `configuration` adds.
    public init(_ configuration: Configuration) {
        let headings = configuration.headings
        attendees = Set((headings[.attendees] ?? []).map(PeopleWords.labelKey))
        officials = Set((headings[.officials] ?? []).map(PeopleWords.labelKey))
        absent = Set((headings[.absent] ?? []).map(PeopleWords.labelKey))
        actionHeadings = Set((headings[.actions] ?? []).map(ActionMarker.normalisedHeading))
        decisionHeadings = Set((headings[.decisions] ?? []).map(ActionMarker.normalisedHeading))
        actionMarkers = configuration.actionMarkers.map { $0.lowercased() }
        decisionMarkers = configuration.decisionMarkers.map { $0.lowercased() }
        for (tag, phrases) in configuration.roles.sorted(by: { $0.key < $1.key }) {
            for phrase in phrases {
                roles.append(RolePhrase(words: Self.words(phrase), tag: tag))
                roleLabels.insert(PeopleWords.labelKey(phrase))
            }
        }
        roles.sort { $0.words.count > $1.words.count }
        for (canonical, aliases) in configuration.organizations.sorted(by: { $0.key < $1.key }) {
            for alias in aliases { organizations[alias.lowercased()] = canonical }
        }
        for (canonical, aliases) in configuration.people.sorted(by: { $0.key < $1.key }) {
            for alias in aliases { people[Self.personKey(alias)] = canonical }
        }
    }

    /// Whether the configuration adds nothing.
    public var isEmpty: Bool { self == Vocabulary() }

    /// Whether the configuration adds people headings, so that lookups can skip hashing a key when it does not.
    var hasPeopleHeadings: Bool { !(attendees.isEmpty && officials.isEmpty && absent.isEmpty) }

    /// The group an extra people label names.
    func group(ofLabelKey key: String) -> PeopleGroup? {
        guard hasPeopleHeadings else { return nil }
        if attendees.contains(key) { return .attendees }
        if officials.contains(key) { return .officials }
        if absent.contains(key) { return .absent }
        return nil
    }

    /// The text after an extra marker that opens `text` before `:` or ` - ` (`Task: Ann to write`), or `nil`.
    static func marked(_ text: String, by markers: [String]) -> String? {
        guard !markers.isEmpty else { return nil }
        let trimmed = text.drop { $0 == " " || $0 == "*" || $0 == "_" }
        let lower = trimmed.lowercased()
        for marker in markers where lower.hasPrefix(marker) {
            var rest = trimmed.dropFirst(marker.count).drop { $0 == "*" || $0 == "_" || $0 == " " }
            if rest.hasPrefix(":") {
                rest = rest.dropFirst()
            } else if let first = rest.first, "-–—".contains(first), rest.dropFirst().hasPrefix(" ") {
                rest = rest.dropFirst()
            } else {
                continue
            }
            return String(rest.drop { $0 == " " || $0 == "*" || $0 == "_" })
        }
        return nil
    }

    /// The extra role tags `role` holds, in no particular order.
    func tags(forRole role: String) -> [String] {
        guard !roles.isEmpty else { return [] }
        let words = Self.words(role)
        var tags: [String] = []
        for role in roles where !tags.contains(role.tag) && role.words.count <= words.count {
            let phrase = role.words
            if (0...(words.count - phrase.count)).contains(where: { Array(words[$0..<$0 + phrase.count]) == phrase }) {
                tags.append(role.tag)
            }
        }
        return tags
    }

    /// The canonical name of a person written as `name`, when it is an alias.
    func person(_ name: String) -> String? { people[Self.personKey(name)] }

    /// The canonical name of an organisation written as `name`, when it is an alias.
    func organization(_ name: String) -> String? { organizations[name.lowercased()] }

    private static func personKey(_ name: String) -> String {
        String(name.lowercased().drop { $0 == "@" })
    }

    private static func words(_ text: String) -> [String] {
        text.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber && $0 != "-" && $0 != "'" })
            .map(String.init)
    }
}

/// A role phrase a configuration adds, as lower-case words, and the tag it gives.
struct RolePhrase: Hashable, Sendable {
    var words: [String]
    var tag: String
}

extension Vocabulary {
    /// `person` with the configured aliases applied (the text as written kept beside) and extra role tags added.
    func resolve(_ person: Person) -> Person {
        var person = person
        // `Bob Ray (Scrivener)`: a bracket that is exactly a configured role phrase is a role, not an organisation.
        if person.role == nil, let written = person.organization,
            roles.contains(where: { $0.words == Self.words(written) })
        {
            person.role = written
            person.organization = nil
        }
        if let canonical = self.person(person.name), canonical != person.name {
            person.nameAsWritten = person.name
            person.name = canonical
        }
        if let written = person.organization, let canonical = organization(written), canonical != written {
            person.organizationAsWritten = written
            person.organization = canonical
        }
        if let role = person.role {
            for tag in tags(forRole: role) where !person.roles.contains(tag) { person.roles.append(tag) }
        }
        return person
    }

    /// `people` resolved, and a person an alias names twice (`ehuss` and `Eric Huss`) kept once, the later entry
    /// filling what the first left empty.
    func resolve(_ people: [Person]) -> [Person] {
        var kept: [Person] = []
        for person in people.map(resolve) {
            guard let index = kept.firstIndex(where: { $0.name.lowercased() == person.name.lowercased() }) else {
                kept.append(person)
                continue
            }
            var first = kept[index]
            if first.organization == nil {
                first.organization = person.organization
                first.organizationAsWritten = person.organizationAsWritten
            }
            first.role = first.role ?? person.role
            first.handle = first.handle ?? person.handle
            for tag in person.roles where !first.roles.contains(tag) { first.roles.append(tag) }
            kept[index] = first
        }
        return kept
    }

    /// `action` with each owner an alias names replaced by the canonical name; the owners as written are kept when
    /// any was replaced.
    func resolve(_ action: Action) -> Action {
        var action = action
        let canonical = action.owners.map { owner in person(owner) ?? organization(owner) ?? owner }
        if canonical != action.owners {
            action.ownersAsWritten = action.owners
            action.owners = canonical
        }
        return action
    }
}
