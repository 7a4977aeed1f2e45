// Paths, temporary folders and program runs come from TestSupport, shared by every test target.
@_exported import TestSupport
