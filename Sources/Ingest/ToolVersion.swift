/// The version of `minutes`, shown by `minutes --version` and recorded with outputs.
public enum ToolVersion {
    /// The semantic version of this build.
    public static let current = "0.1.0"
}
