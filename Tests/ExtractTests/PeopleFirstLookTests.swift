import Ingest
import Testing

@testable import Extract

/// The reader's one look at a block's bytes, and the role label read on the bytes of a label that is its own key,
/// answer as the readings they stand in for.
@Suite struct PeopleFirstLookTests {
    /// Role labels, people labels and lines as notes write them, with marks around and inside them.
    static let texts: [String] = {
        let words =
            Array(PeopleWords.roleLabels) + PeopleWords.roleLeads.map(\.phrase) + PeopleWords.noteTakingPhrases + [
                "Present", "Date", "Ann Lee", "Apologies", "apologies from Ann", "Notes taken by Ann", "Ann took notes",
                "Minutes of the meeting", "Chair's report", "Q&A", "co-chair", "Co-Chair", "vice  chair", "chair.",
                "-chair", "chair-", "Chair (Ann)", "Ch\u{212A}air", "Chair’s", "notes\tby", "A", "", " ", ":",
                "Chair: Ann", "**Chair:** Ann", "Ann Lee - Chair", "Zoë Ng took the minutes.", "İpek took notes",
                "All present agreed the minutes.", "and the meeting closed", "The meeting", "minutes", "note.taker",
                "Vice. Chair", "vice\tchair", "chair\u{A0}", "Apology", "apologise for lateness", "Apologi",
                "Åpologies", "Apologie from Ann", "apologiesx",
            ]
        var texts: [String] = []
        for word in words {
            texts += [
                word, word.uppercased(), word.prefix(1).uppercased() + word.dropFirst(), " \(word)", "\(word) ",
                "\(word).", "**\(word)**", "\(word)s", "a \(word)", "\(word) 2", "\(word)'", "'\(word)",
            ]
        }
        return texts
    }()

    /// A role label read on its bytes, where the bytes are its own key, is the one its key finds.
    @Test func roleLabelOnTheBytesAsByTheKey() {
        var read = 0
        for text in Self.texts {
            guard let own = PeopleBytes.withBytes(text, PeopleWords.roleLabelOfOwnKey) else { continue }
            read += 1
            #expect(own == PeopleWords.isRoleLabelByKey(text), "\(text)")
        }
        // Most of the texts are read on their bytes, the role labels among them.
        #expect(read > Self.texts.count / 3)
        #expect(PeopleWords.isRoleLabel("Chair", vocabulary: Vocabulary()))
        #expect(PeopleWords.isRoleLabel("Notes taken by", vocabulary: Vocabulary()))
        #expect(!PeopleWords.isRoleLabel("Date", vocabulary: Vocabulary()))
    }

    /// Role tag phrases are found by a bit each in 64: a 65th would stop every note with a role at its first use.
    @Test func roleTagPhrasesFitTheirBits() {
        #expect(PeopleWords.roleTagWords.count <= 64)
        #expect(PeopleWords.roleTagStartPhrases.count == PeopleWords.roleTagStarts.count)
    }

    /// The look at a block's bytes tells what the looks it stands in for tell.
    @Test func firstLookAsTheLooksItJoins() {
        for text in Self.texts {
            let look = PeopleBytes.withBytes(text, PersonBlockReader.FirstLook.init)
            if !look.hasColon { #expect(PersonBlockReader.labelled(text) == nil, "\(text)") }
            #expect(look.mayOpenOrEndRoleLine == PeopleBytes.mayOpenOrEndRoleLine(text), "\(text)")
            #expect(look.opensWithApologies == TextSearch.hasPrefix(text, ignoringCase: "apologies"), "\(text)")
        }
    }
}

/// Descriptions read on the bytes of Latin text answer as the character reading.
@Suite struct PeopleLatinDescriptionTests {
    /// Every Latin-1 and Latin Extended-A scalar, and general punctuation, alone, opening a phrase and ending one.
    static let texts: [String] = {
        let scalars = (0xC0...0x17F).compactMap(Unicode.Scalar.init) + ["’", "‘", "“", "–", "—", "…", "‰"]
        let words = [
            "Chair", "Trustees", "chair", "Council", "Zoë", "Ærø", "İpek", "élan", "Straße", "Łódź", "’Chair’",
            "chair’s", "Ötztal Trust", "×", "Ÿ", "Ĳssel", "Director’s", "(Chair)", "Chairs.", "Library,", "ﬁ", "Ann",
        ]
        var texts: [String] = []
        for scalar in scalars {
            let character = String(scalar)
            texts += [character, character + " Chair", "Ann " + character, "Zoë " + character + "s", character + "ss"]
        }
        for first in words {
            for second in words { texts += ["\(first) \(second)", "\(first) \(second).", "  \(first)  \(second) "] }
        }
        return texts
    }()

    @Test func latinDescriptionAsTheCharacterReading() {
        for text in Self.texts {
            #expect(
                PersonEntryParser.isDescription(outside: text) == PersonEntryParser.isDescription(characters: text),
                "\(text)"
            )
        }
        #expect(PersonEntryParser.isDescription(outside: "Zoë’s Trust"))
        #expect(!PersonEntryParser.isDescription(outside: "Zoë Ng"))
        #expect(PersonEntryParser.isDescription(outside: "élan Ng"))
    }
}
