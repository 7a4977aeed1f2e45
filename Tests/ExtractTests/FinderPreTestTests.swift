import Ingest
import PropertyBased
import Testing

@testable import Extract

/// The finders' first looks at the bytes, which settle most lines before they are read closely, answer as the
/// close reading does: on random text of the words they look for and the characters that trip byte-level code.
@Suite struct FinderPreTestTests {
    /// Words of markers, owners and due dates, and characters that differ as bytes and as characters.
    static let piece = Gen<String?>
        .element(of: [
            "Action", "ACTION", "action", "aCtIoN", "Actions", "To", "TO", "to", "do", "DO", "To do:", "TODO:",
            "TO DO:",
            "For", "Follow-up:", "Follow up:", "Followup:", "FOLLOWUP:", "Next", "Next step:", "NEXT STEP:", "AI:",
            "AI -", "A.I.:", "AI –", "**ACTION**", "**Action**", "__ACTION__", "**", "__", "[", "#action", "Ann",
            "Ann/Bob", "Mark/Philippe", "RC/PM", "@ann/@bo", "MoJ/HMPPS", "/", " / ", "//", "O'Neil/Lee-Ray", "DO/PS",
            "Ann Lee/Bob Roy Day", "by", "BY", "By:", "(by", "before", "Before,", "until", "due", "Due", "deadline",
            "DEADLINE.", "no", "No", "not", "nobody", "byte", "due.", "\"by\"", ":", " ", "  ", "é", "Zoë", "\r\n",
            "\u{A0}", "\u{301}", "K", "\u{212A}", "ı", "İ",
        ])
        .map { $0 ?? "" }

    static let text = piece.array(of: 0...8).map { $0.joined(separator: " ") }
    static let joinedText = piece.array(of: 0...8).map { $0.joined() }

    @Test func threeWordLookAgreesWithTheSplit() async {
        await propertyCheck(count: 3000, input: Self.joinedText) { text in
            let expected = text.split(separator: " ", maxSplits: 3).count >= 3
            #expect(DecisionMarker.hasThreeWords(Substring(text)) == expected, "\(text.unicodeScalars.map(\.value))")
        }
        for (text, expected) in [
            ("", false), ("a b", false), ("a b c", true), ("  a  b  c  ", true), ("a \u{301}b c", false),
            ("a b \u{301}", false), ("é b c", true), ("a\r\nb c d", true),
        ] {
            #expect(DecisionMarker.hasThreeWords(Substring(text)) == expected, "\(text.debugDescription)")
        }
    }

    /// An outcome whose word stands on an earlier line of the paragraph's last sentence is found as before, and one
    /// whose paragraph holds no outcome word is not looked for.
    @Test func paragraphOutcomesFoundAcrossLines() throws {
        let note = """
            # Board meeting 2021-05-03

            ## Budget

            We talked it through. General agreement in the
            room.

            We talked it through. The motion to adopt the plan was
            carried.

            We looked at the numbers. Timeline
            agreed.

            We looked at the numbers. Nothing more on the
            room.
            """
        #expect(try meeting(note).decisions.map(\.text) == ["room.", "agreed."])
    }

    @Test func slashSplitAgreesWithTheCharacters() async {
        await propertyCheck(count: 3000, input: Self.text) { text in
            guard TextSearch.isPlainASCII(text) else { return }
            var bytesOf = text
            let bytes = bytesOf.withUTF8 { OwnerParser.plainSlashPieces($0) } ?? [text]
            #expect(bytes == OwnerParser.splitSlashesByCharacters(text), "\(text.debugDescription)")
        }
        for (text, pieces) in [
            ("Mark/Philippe", ["Mark", "Philippe"]), ("RC/PM", ["RC", "PM"]),
            ("Ann Lee / Bob Roy", ["Ann Lee", "Bob Roy"]),
            ("MoJ/HMPPS probation reform team", ["MoJ/HMPPS probation reform team"]), ("Ann/", ["Ann/"]),
            ("RC PM/Ann", ["RC PM/Ann"]), ("@a/@b", ["@a", "@b"]), ("Ann/ /Bob", ["Ann/ /Bob"]),
        ] {
            var bytesOf = text
            #expect((bytesOf.withUTF8 { OwnerParser.plainSlashPieces($0) } ?? [text]) == pieces, "\(text)")
            #expect(OwnerParser.splitSlashesByCharacters(text) == pieces, "\(text)")
        }
    }

    @Test func triggerLookAgreesWithTheBareWords() async {
        let triggers: Set<String> = ["by", "before", "until", "due", "deadline", "no", "not"]
        await propertyCheck(count: 3000, input: Self.joinedText) { text in
            var bytesOf = text
            let may = bytesOf.withUTF8 { DueDates.mayOpenTrigger($0) }
            let bare = DueDates.bare(Substring(text))
            // Never `false` for a trigger; exact on plain ASCII.
            if triggers.contains(bare) { #expect(may, "\(text.unicodeScalars.map(\.value))") }
            if TextSearch.isPlainASCII(text) {
                #expect(may == triggers.contains(bare), "\(text.unicodeScalars.map(\.value))")
            }
        }
    }

    @Test func dateTokensReadTheSameByScalars() async {
        let words = Gen<String?>
            .element(of: [
                "21st", "2nd", "May", "may.", "SEPTEMBER", "Sept", "2021", "15:00", "3pm", "-", "–", "—", "/", ".", ",",
                " ", "  ", "\t", "é", "Zoë", "Ōta", "ß", "\u{A0}", "\u{85}", "“", "”", "•", "‰", "½", "²", "Ⅻ",
                "\u{301}", "\r\n", "K", "\u{212A}", "ǅ", "x",
            ])
            .map { $0 ?? "" }
        await propertyCheck(count: 3000, input: words.array(of: 0...10).map { $0.joined() }) { text in
            guard PeopleBytes.isPlain(text) else { return }
            #expect(
                DateParser.tokenizeScalars(text) == DateParser.tokenizeCharacters(text),
                "\(text.unicodeScalars.map(\.value))"
            )
        }
        #expect(DateParser.firstDate(in: "Open Data – Meeting 21st May 2021")?.date.description == "2021-05-21")
    }

    @Test func datesWrittenAsTheInterpolationWritesThem() {
        for (year, month, day) in [
            (2021, 5, 3), (1999, 12, 31), (1000, 1, 1), (9999, 10, 10), (999, 5, 3), (10000, 1, 2), (-5, 1, 1),
            (2021, 0, 0),
            (2021, 100, 7), (2021, -1, 7),
        ] {
            var date = CalendarDate(year: 2000, month: 1, day: 1)!
            (date.year, date.month, date.day) = (year, month, day)
            let month = month < 10 ? "0\(month)" : "\(month)"
            let day = day < 10 ? "0\(day)" : "\(day)"
            #expect(date.description == "\(year)-\(month)-\(day)")
        }
    }

    @Test func actionBodiesOfPlainTextReadOnBytes() {
        for text in [
            "Action: Łukasz to send the minutes", "ACTION - Zoë – to book", "action:  José ", "Action: “quoted”",
            "Actioné: x", "Action\u{301}: x", "Action: e\u{301}", "Action:\u{A0}x", "Action – Łukasz",
            "Action: \u{301}x", "Action:  \u{301}x",
        ] {
            #expect(ActionMarker.leading(text) == ActionMarker.leadingByCharacters(text), "\(text.debugDescription)")
        }
    }

    @Test func resultEndingsFoundPastTheClosingLook() {
        for (text, expected) in [
            ("Budget, passed.", true), ("Budget; carried!", true), ("Motion approved", true), ("Plan - adopted", true),
            ("Budget approved unanimously.", true), ("Budget unanimously adopted", true), ("Budget passed over", false),
            ("Budget, passed unanimously", true), ("Approved", false), ("Budget – PASSED", true), ("x, passéd", false),
        ] {
            #expect(DecisionMarker.endsWithResult(text) == expected, "\(text)")
        }
    }

    @Test func dueDatesFoundThroughTheTriggerLook() {
        let reference = CalendarDate(year: 2021, month: 5, day: 3)
        #expect(
            DueDates.find(in: "Ann to write (BY Friday)", reference: reference, dayFirst: true)?.text == "BY Friday"
        )
        #expect(DueDates.find(in: "Ann to write, Deadline: 30 May", reference: reference, dayFirst: true) != nil)
        #expect(DueDates.find(in: "Ann to write no later than 30 May", reference: reference, dayFirst: true) != nil)
        #expect(DueDates.find(in: "Ann to write nearby 30 May", reference: reference, dayFirst: true) == nil)
    }
}
