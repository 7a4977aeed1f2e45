import Testing

@testable import Publish

/// The build ID is read from an ELF file's note segment, and anything else gives none.
@Suite struct ProgramIdentityTests {
    /// A 64-bit little-endian ELF header with one program header, a PT_NOTE segment at 120 holding `notes`.
    private func elf(notes: [UInt8]) -> [UInt8] {
        func little(_ value: Int, _ size: Int) -> [UInt8] {
            (0..<size).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) }
        }
        var bytes: [UInt8] = [0x7F, 0x45, 0x4C, 0x46, 2, 1, 1, 0] + Array(repeating: 0, count: 24)
        bytes += little(64, 8)  // e_phoff
        bytes += Array(repeating: 0, count: 14)
        bytes += little(56, 2) + little(1, 2)  // e_phentsize, e_phnum
        bytes += Array(repeating: 0, count: 64 - bytes.count)
        bytes += little(4, 4) + little(4, 4) + little(120, 8) + little(0, 16) + little(notes.count, 8)
        bytes += little(notes.count, 8) + little(4, 8)
        return bytes + notes
    }

    private func note(type: Int, name: [UInt8], descriptor: [UInt8]) -> [UInt8] {
        func little(_ value: Int) -> [UInt8] { (0..<4).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) } }
        let padded = { (bytes: [UInt8]) in bytes + Array(repeating: 0, count: (4 - bytes.count % 4) % 4) }
        return little(name.count) + little(descriptor.count) + little(type) + padded(name) + padded(descriptor)
    }

    @Test func readsTheGNUBuildIDAfterOtherNotes() {
        let id: [UInt8] = Array(1...20)
        let notes =
            note(type: 1, name: Array("GNU".utf8) + [0], descriptor: [0, 0, 0, 0, 3, 0, 0, 0])
            + note(type: 3, name: Array("GNU".utf8) + [0], descriptor: id)
        #expect(ProgramIdentity.buildID(inELF: elf(notes: notes)) == id)
    }

    @Test func givesNoneWithoutAGNUBuildID() {
        let other = note(type: 3, name: Array("Go".utf8) + [0], descriptor: Array(1...20))
        #expect(ProgramIdentity.buildID(inELF: elf(notes: other)) == nil)
        let short = note(type: 3, name: Array("GNU".utf8) + [0], descriptor: [1, 2, 3, 4])
        #expect(ProgramIdentity.buildID(inELF: elf(notes: short)) == nil)
        let whole = elf(notes: note(type: 3, name: Array("GNU".utf8) + [0], descriptor: Array(1...20)))
        #expect(ProgramIdentity.buildID(inELF: Array(whole.dropLast(4))) == nil)
        #expect(ProgramIdentity.buildID(inELF: Array("#!/bin/sh\necho not an executable\n".utf8) + whole) == nil)
        #expect(ProgramIdentity.buildID(inELF: []) == nil)
        // Header offsets near the top of the integers.
        var hostile = whole
        for offset in 32..<40 { hostile[offset] = 0xFF }
        #expect(ProgramIdentity.buildID(inELF: hostile) == nil)
        hostile = whole
        for offset in 72..<80 { hostile[offset] = 0x7F }
        #expect(ProgramIdentity.buildID(inELF: hostile) == nil)
    }

    @Test func theRunningProgramHasAnIdentity() {
        #expect(!ProgramIdentity.current.isEmpty && ProgramIdentity.current != "unknown")
    }
}
