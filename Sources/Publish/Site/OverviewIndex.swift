import Extract
import Foundation

/// What the overview pages (meetings, actions, people, feed) need of every meeting, gathered as an archive is
/// published and kept compact: a short row per meeting in memory, every action written to a scratch file, and each
/// action and person held as a few integers (names, roles and organisations once each), so that memory grows by
/// bytes, not records, per meeting.
final class OverviewIndex {
    /// A meeting as the meetings page and the feed show it.
    struct Row: Sendable {
        var id: String
        /// The title (the id when there is none) as a page shows it.
        var title: String
        var date: String?
        var location: String?
        var attendeeCount: Int
        var actionCount: Int
        var decisionCount: Int

        /// The row `stored` stands for, its strings read from `text`.
        init(_ stored: StoredRow, text: StringTable) {
            id = text[stored.id]
            title = text[stored.title]
            date = stored.date < 0 ? nil : text[stored.date]
            location = stored.location < 0 ? nil : text[stored.location]
            attendeeCount = Int(stored.attendeeCount)
            actionCount = Int(stored.actionCount)
            decisionCount = Int(stored.decisionCount)
        }
    }

    /// One action under one of its owners, in 24 bytes (the record first, so that no padding follows it).
    struct ActionRef: GroupedRecord, Sendable {
        var record: SpillFile.Ref
        var owner: Int32
        var meeting: Int32
        var action: Int32

        var groupKey: Int32 { owner }

        /// The action's bytes (``SpilledAction``), which move with the reference when actions are grouped.
        var payload: SpillFile.Ref? {
            get { record }
            set { if let newValue { record = newValue } }
        }
    }

    /// One person at one meeting: numbers of the person (their name in lower case), the name as given here, and
    /// the organisation and role (`-1` when none is given).
    struct PersonRef: GroupedRecord, Sendable {
        var person: Int32
        var name: Int32
        var meeting: Int32
        var position: Int32
        /// 0 attendee, 1 official, 2 absent.
        var group: Int32
        var organization: Int32
        var role: Int32

        var groupKey: Int32 { person }
    }

    /// The owner that actions nobody owns are listed under.
    static let nobody = "Nobody named"

    private var rows: [StoredRow] = []
    /// The ids, titles, dates and places of meetings.
    private var text = StringTable()
    /// For each meeting, its actions under each of their owners in `actionRefs`.
    private var meetingActions: [SpillFile.Ref] = []
    /// For each owner, how many actions they have.
    private var ownedActions: [Int32] = []
    /// For each meeting, its people's appearances in `peopleRefs`.
    private var meetingPeople: [SpillFile.Ref] = []
    /// For each person, how many appearances they have.
    private var appearances: [Int32] = []
    private let scratch: URL
    private var owners = Interner()
    private var persons = Interner()
    private var names = Interner()
    private var organizations = Interner()
    private var roles = Interner()
    /// Every action's bytes, in the order meetings were added.
    private let spill: SpillFile
    /// The actions' and the people's records, each file read front to back when the index is sealed.
    private let actionRefs: SpillFile
    private let peopleRefs: SpillFile

    /// An empty index whose scratch files go in `scratch`.
    init(scratch: URL) throws {
        spill = try SpillFile(in: scratch)
        actionRefs = try SpillFile(in: scratch, bufferSize: 1 << 15)
        peopleRefs = try SpillFile(in: scratch, bufferSize: 1 << 15)
        self.scratch = scratch
    }

    /// How many meetings have been added.
    var meetingCount: Int { rows.count }

    /// The id of the meeting added `index`th.
    func meetingID(_ index: Int) -> String { text[rows[index].id] }

    /// Adds a meeting, after every meeting added before it.
    func add(_ meeting: Meeting) throws {
        let index = Int32(rows.count)
        rows.append(
            StoredRow(
                id: text.append(meeting.id),
                title: text.append(HTML.safe(meeting.title ?? meeting.id)),
                date: meeting.date.map { text.append($0) } ?? -1,
                location: meeting.location.map { text.append($0) } ?? -1,
                attendeeCount: Int32(clamping: meeting.attendees.count),
                actionCount: Int32(clamping: meeting.actions.count),
                decisionCount: Int32(clamping: meeting.decisions.count)
            )
        )
        var actions: [ActionRef] = []
        for (position, action) in meeting.actions.enumerated() {
            var bytes = ByteBuffer(capacity: action.text.utf8.count + 64)
            SpilledAction.write(action, into: &bytes)
            let record = try bytes.withBytes { try spill.append(UnsafeRawBufferPointer($0)) }
            for owner in action.owners.isEmpty ? [Self.nobody] : action.owners {
                let number = owners.id(of: owner)
                Self.count(number, in: &ownedActions)
                actions.append(ActionRef(record: record, owner: number, meeting: index, action: Int32(position)))
            }
        }
        meetingActions.append(try actionRefs.append(records: actions))
        var people: [PersonRef] = []
        var position: Int32 = 0
        for (group, list) in [meeting.attendees, meeting.officials, meeting.absent].enumerated() {
            for person in list {
                let number = persons.id(of: person.name.lowercased())
                Self.count(number, in: &appearances)
                people.append(
                    PersonRef(
                        person: number,
                        name: names.id(of: person.name),
                        meeting: index,
                        position: position,
                        group: Int32(group),
                        organization: person.organization.map { organizations.id(of: $0) } ?? -1,
                        role: person.role.map { roles.id(of: $0) } ?? -1
                    )
                )
                position += 1
            }
        }
        meetingPeople.append(try peopleRefs.append(records: people))
    }

    /// Counts one more record of `number` in `counts`, which grows as numbers are handed out.
    private static func count(_ number: Int32, in counts: inout [Int32]) {
        if Int(number) == counts.count { counts.append(0) }
        counts[Int(number)] += 1
    }

    /// Everything added, in the order the pages show it; nothing may be added afterwards.
    func sealed() throws -> Sealed {
        try spill.seal()
        try actionRefs.seal()
        try peopleRefs.seal()
        // Newest first; undated meetings last, then by id.
        var dated = StringKeys(parts: 2, capacity: rows.count, descending: [true])
        for row in rows {
            dated.add(row.date < 0 ? "" : text[row.date])
            dated.add(text[row.id])
        }
        let newestFirst = dated.sorted()

        // Owners alphabetically, ignoring case, with actions nobody owns last.
        let ownerOrder = owners.order(parts: 3) { [$0 == Self.nobody ? "1" : "0", $0.lowercased(), $0] }
        var anchors = MeetingIDAllocator()
        var ownerAnchors = [String](repeating: "", count: owners.count)
        for owner in (0..<owners.count).sorted(by: { ownerOrder[$0] < ownerOrder[$1] }) {
            let slug = Slug.make(owners[owner])
            ownerAnchors[owner] = anchors.unique("owner-" + (slug.isEmpty ? "x" : slug))
        }

        return Sealed(
            storedRows: rows,
            text: text,
            newestFirst: newestFirst,
            actions: try GroupedRecords(
                meetings: meetingActions,
                in: actionRefs,
                payloads: spill,
                newestFirst: newestFirst,
                counts: ownedActions,
                order: ownerOrder,
                scratch: scratch
            ),
            ownerNames: owners,
            ownerAnchors: ownerAnchors,
            people: try GroupedRecords(
                meetings: meetingPeople,
                in: peopleRefs,
                newestFirst: newestFirst,
                counts: appearances,
                order: persons.order(parts: 1) { [$0] },
                scratch: scratch
            ),
            personCount: persons.count,
            names: names,
            organizations: organizations,
            roles: roles
        )
    }

    /// A row as kept: numbers of its strings in the index's table (`-1` when there is none) and counts.
    struct StoredRow: Sendable {
        var id: Int32
        var title: Int32
        var date: Int32
        var location: Int32
        var attendeeCount: Int32
        var actionCount: Int32
        var decisionCount: Int32
    }

    /// The index once every meeting is in, sorted as the pages show it; readable from several threads.
    struct Sealed: Sendable {
        let storedRows: [StoredRow]
        let text: StringTable
        /// The positions of ``rows``, newest first.
        let newestFirst: [Int]
        /// Actions by owner (alphabetically, nobody last), then newest meeting first, then in their meeting's order.
        let actions: GroupedRecords<ActionRef>
        let ownerNames: Interner
        /// An anchor for each owner, unique in the actions pages.
        let ownerAnchors: [String]
        /// Appearances by person (their name in lower case), then newest meeting first, then in the meeting's order.
        let people: GroupedRecords<PersonRef>
        /// How many different people there are.
        let personCount: Int
        /// Names, organisations and roles of people, by number.
        let names: Interner
        let organizations: Interner
        let roles: Interner

        /// How many meetings there are.
        var meetingCount: Int { storedRows.count }

        /// The meeting added `index`th.
        func row(_ index: Int) -> Row { Row(storedRows[index], text: text) }

        /// How many actions there are (an action with two owners counts once).
        var actionCount: Int { storedRows.reduce(0) { $0 + Int($1.actionCount) } }

        /// The action `ref` points at, as the actions page shows it (``SpilledAction``).
        func action(_ ref: ActionRef) throws -> Action {
            try SpilledAction.action(actions.payload(ref.record))
        }

    }
}

/// Gives each distinct string a small number, so that a reference to it takes four bytes.
struct Interner: Sendable {
    private var table = StringTable()

    /// The number of `name`, given it if it is new.
    mutating func id(of name: String) -> Int32 {
        table.intern(name)
    }

    /// How many strings there are.
    var count: Int { table.count }

    /// The string numbered `id`.
    subscript(id: Int) -> String { table[Int32(id)] }

    /// For each number, the place of its string when all are sorted by `key`, each key made once.
    func order<Key>(by key: (String) -> Key, _ isBefore: (Key, Key) -> Bool) -> [Int32] {
        let keys = (0..<count).map { key(self[$0]) }
        return Self.places(keys.indices.sorted(by: { isBefore(keys[$0], keys[$1]) }))
    }

    /// ``order(by:_:)`` for keys of `parts` strings each, compared in turn (``StringKeys``): the same order, with
    /// ASCII text compared by its bytes.
    func order(parts: Int, _ key: (String) -> [String]) -> [Int32] {
        var keys = StringKeys(parts: parts, capacity: count)
        for id in 0..<count {
            for part in key(self[id]) { keys.add(part) }
        }
        return Self.places(keys.sorted())
    }

    /// For each number, its place in `sorted`.
    private static func places(_ sorted: [Int]) -> [Int32] {
        var order = [Int32](repeating: 0, count: sorted.count)
        for (place, id) in sorted.enumerated() { order[id] = Int32(place) }
        return order
    }
}
