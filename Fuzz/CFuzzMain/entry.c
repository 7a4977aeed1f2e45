// SwiftPM links an executable target with `main` defined as `<Module>_main`, and a `-parse-as-library` module has
// none; this entry point hands the command line to libFuzzer's driver, as libFuzzer's own `main` would.
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int MinutesFuzz_main(int argc, char **argv) { return LLVMFuzzerRunDriver(&argc, &argv, LLVMFuzzerTestOneInput); }
