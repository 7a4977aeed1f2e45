import Testing

@testable import Extract

/// ``HeaderKeys``, kept for the rows that share a header, gives what normalising each row's header gives.
@Suite struct HeaderKeysTests {
    @Test func keptKeysAreEachHeadersKeys() {
        let headers = [
            ["Action", "Owner", "Due"], ["Action", "Owner", "Due"], ["**Decision**", "Notes"], ["Action", "Owner"],
            [], ["Action", "Owner", "Due"], ["ACTION ITEM:", "Who"], ["ACTION ITEM:", "Who"], ["Zoë", "É"],
        ]
        var kept = HeaderKeys()
        for header in headers {
            #expect(kept.keys(of: header) == header.map { ActionMarker.normalisedHeading($0) }, "\(header)")
        }
    }
}
