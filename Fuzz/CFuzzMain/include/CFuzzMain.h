// Nothing to import: this target only supplies the fuzz executable's entry point.
