import Foundation
import Testing

/// The quality bar of extraction, measured by ../shared/tools/score.py against hand-made gold records.
///
/// Skipped with a message when ../shared or python3 is absent. The thresholds are the issue's: the seed note must
/// come out perfectly; the twelve real minutes of other groups nearly as well.
@Suite struct EvaluationTests {
    static let shared = packageRoot.deletingLastPathComponent().appendingPathComponent("shared")

    func score(_ set: String, thresholds: [String: Double]) throws -> RunResult? {
        let scorer = Self.shared.appendingPathComponent("tools/score.py")
        guard FileManager.default.fileExists(atPath: scorer.path), let python = python() else {
            print("note: ../shared/tools/score.py or python3 is absent; the evaluation is skipped")
            return nil
        }
        var arguments = [
            scorer.path, "--gold-dir", Self.shared.appendingPathComponent("corpus/\(set)").path, "--cmd",
            "'\(minutesExecutable.path)' extract {} 2>/dev/null", "-v",
        ]
        for (field, minimum) in thresholds.sorted(by: { $0.key < $1.key }) {
            arguments += ["--min-\(field)", String(minimum)]
        }
        return try run(python, arguments)
    }

    @Test func theSeedComesOutPerfectly() throws {
        let thresholds = [
            "attendees": 1.0, "officials": 1.0, "actions": 1.0, "owners": 1.0, "sections": 1.0, "title": 1.0,
            "date": 1.0, "org": 1.0, "recommendations": 0.8,
        ]
        guard let result = try score("seed", thresholds: thresholds) else { return }
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
    }

    @Test func realMinutesOfOtherGroupsComeOutNearlyAsWell() throws {
        let thresholds = [
            "attendees": 0.90, "actions": 0.85, "owners": 0.80, "sections": 0.90, "officials": 0.80, "absent": 0.80,
            "date": 0.90, "title": 0.80,
        ]
        guard let result = try score("real", thresholds: thresholds) else { return }
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
    }
}
