import Extract
import Testing

@testable import Publish

@Suite struct SpilledActionTests {
    @Test func anActionReadsBackAsThePageShowsIt() throws {
        let actions = [
            Action(
                id: "a1",
                text: "Send the <report> & \"notes\"",
                owners: ["Zoë", "Siobhán Ó"],
                lines: LineSpan(3, 5)
            ),
            Action(id: "a2", text: "", owners: [], due: "2021-06-01", dueText: "by 1 June", lines: LineSpan(7, 7)),
            Action(id: "a10", text: "e\u{301}\r\n👩🏽‍⚕️", owners: [""], dueText: "", lines: LineSpan(100_000, 100_002)),
            // Lines of any sign and size: each is eight bytes, read back whole.
            Action(id: "a11", text: "x", owners: ["A"], lines: LineSpan(-1, .max)),
            Action(id: "a12", text: "y", owners: [], lines: LineSpan(.min, 0)),
        ]
        for action in actions {
            #expect(try SpilledAction.action(SpilledAction.bytes(action)) == action)
        }
        let bytes = SpilledAction.bytes(actions[0])
        #expect(throws: SpilledAction.Truncated.self) { try SpilledAction.action(Array(bytes.dropLast())) }
        // A damaged owner count (all ones) runs out of bytes rather than reserving room for it.
        let empty = SpilledAction.bytes(Action(id: "", text: "", owners: [], lines: LineSpan(1, 1)))
        var damaged = empty
        damaged.replaceSubrange(8..<12, with: [0xFE, 0xFF, 0xFF, 0xFF])
        #expect(throws: SpilledAction.Truncated.self) { try SpilledAction.action(damaged) }
    }
}
