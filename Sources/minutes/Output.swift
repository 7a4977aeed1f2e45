import Ingest

#if canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Darwin)
@preconcurrency import Darwin
#endif

/// Where the command line writes what is not data.
enum Output {
    /// Prints diagnostics to standard error, one a line; text quoted from a note is neutralised, so it cannot send
    /// escape sequences to the terminal.
    static func report(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics {
            standardError(DisplaySafety.neutralise("\(diagnostic)") + "\n")
        }
    }
}

/// Gives standard output a 64 KB buffer when it is a file or a pipe, not a terminal.
///
/// Records of 10,000 notes then go out in about 1,500 writes rather than 17,000 of the C library's 4 KB. Call
/// before anything is written to it.
func bufferStandardOutput() {
    guard isatty(STDOUT_FILENO) == 0 else { return }
    // The C library keeps its own size when given no buffer: this one lives as long as the process.
    let size = 1 << 16
    setvbuf(stdout, UnsafeMutablePointer<CChar>.allocate(capacity: size), _IOFBF, size)
}

/// Writes `bytes` to standard output, then a line feed when `lineEnd`, through the C library's buffer, where `print`
/// writes too.
func standardOutput(_ bytes: UnsafeBufferPointer<UInt8>, lineEnd: Bool) {
    if let base = bytes.baseAddress { _ = fwrite(base, 1, bytes.count, stdout) }
    if lineEnd { _ = putc(0x0A, stdout) }
}

/// Writes `text` to standard error, unbuffered, so that it interleaves correctly with standard output.
func standardError(_ text: String) {
    var text = text
    text.withUTF8 { buffer in
        var offset = 0
        while offset < buffer.count {
            let written = write(STDERR_FILENO, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
            if written <= 0 { return }
            offset += written
        }
    }
}
