import Foundation
import Publish

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Shows a build's progress on standard error: a bar when it is a terminal, a line per note with --verbose, nothing
/// with --quiet or when standard error is a file or a pipe.
final class ProgressReporter: @unchecked Sendable {
    private let verbose: Bool
    private let bar: Bool
    private let start = ContinuousClock.now

    init(quiet: Bool, verbose: Bool) {
        self.verbose = verbose && !quiet
        bar = !quiet && isatty(STDERR_FILENO) == 1
    }

    /// Whether nothing would ever be shown.
    var isSilent: Bool { !verbose && !bar }

    /// Shows that a batch is done.
    func report(_ progress: BuildProgress) {
        if verbose {
            if bar { Self.clearLine(quiet: false) }
            for path in progress.paths { standardError("minutes: \(path)\n") }
        }
        guard bar else { return }
        let seconds = start.secondsSince
        let rate = seconds > 0 ? Double(progress.done) / seconds : 0
        let left = rate > 0 ? Double(progress.total - progress.done) / rate : 0
        let width = 30
        let filled = progress.total > 0 ? width * progress.done / progress.total : width
        let line =
            "[" + String(repeating: "#", count: filled) + String(repeating: " ", count: width - filled) + "] "
            + "\(progress.done)/\(progress.total) notes, " + String(format: "%.0f notes/s, ETA %.0f s", rate, left)
        standardError("\r\u{1B}[K" + line)
    }

    /// Clears the bar's line, when standard error is a terminal.
    static func clearLine(quiet: Bool) {
        if !quiet, isatty(STDERR_FILENO) == 1 { standardError("\r\u{1B}[K") }
    }
}
