/// Words that mark people blocks, shared by the extractors that must step around them.
enum PeopleWords {
    static let attendees: Set<String> = [
        "attendees", "attendance", "present", "participants", "members present", "attending", "roll call", "members",
        "in attendance members", "council", "committee members", "steering committee members", "board members",
        "tsc members", "people present", "attendees present",
    ]
    static let officials: Set<String> = [
        "officials", "guests", "observers", "visitors", "staff", "also present", "in attendance", "other attendees",
        "others", "others present", "guest", "observer", "officers", "advisers", "advisors",
    ]
    static let absent: Set<String> = [
        "apologies", "regrets", "absent", "not attending", "missing attendees", "apologies for absence", "absentees",
        "not present", "excused",
    ]

    /// Whether a heading title names a people block.
    static func isPeopleHeading(_ title: String) -> Bool {
        let key = normalise(title)
        return attendees.contains(key) || officials.contains(key) || absent.contains(key)
    }

    /// Whether a line starts with a people label (`Present:`, `**Apologies**`).
    static func isPeopleLabel(_ text: String) -> Bool {
        let head = text.split(separator: ":", maxSplits: 1).first.map(String.init) ?? text
        return isPeopleHeading(head)
    }

    static func normalise(_ text: String) -> String {
        tidy(text.lowercased().trimming("*_#:- ").replacing("’", with: "'"))
    }
}
