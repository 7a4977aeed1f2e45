# minutes: the two commands a new machine needs are `make run` and `make test`.
SHELL := /bin/bash
SWIFT ?= swift
OUT ?= out
CORPUS ?= corpus
BIN := .build/release/minutes
# valgrind 3.19 cannot read DWARF 5, so the leak check builds its own copy with DWARF 4.
VALGRIND_BUILD := .build-valgrind
FUZZ_SECONDS ?= 600
VALGRIND_FLAGS := -Xswiftc -debug-info-format=dwarf -Xswiftc -dwarf-version=4 -Xcc -gdwarf-4

.PHONY: run test bootstrap build release valgrind bench fuzz asan tsan hostile lint format clean

## run: set up, build for release, and run the main job over corpus/ into out/
run: bootstrap release
	$(BIN) build $(CORPUS) --out $(OUT)

## test: set up, then run every test
test: bootstrap
	$(SWIFT) test

bootstrap:
	@scripts/bootstrap

build: bootstrap
	$(SWIFT) build

release: bootstrap
	$(SWIFT) build -c release

## valgrind: run the CLI (ast, then a whole build) over corpus/ under valgrind; fails if any byte is definitely lost
valgrind: bootstrap
	$(SWIFT) build -c release --scratch-path $(VALGRIND_BUILD) $(VALGRIND_FLAGS)
	valgrind --leak-check=full --errors-for-leak-kinds=definite --error-exitcode=3 --suppressions=scripts/valgrind.supp \
		$(VALGRIND_BUILD)/release/minutes ast $(CORPUS) > /dev/null
	valgrind --leak-check=full --errors-for-leak-kinds=definite --error-exitcode=3 --suppressions=scripts/valgrind.supp \
		$(VALGRIND_BUILD)/release/minutes build $(CORPUS) --out $(VALGRIND_BUILD)/out --build-date 2021-06-01

## bench: time minutes against the libcmark anchor on 1,000 and 10,000 generated notes (a benchmark, not a test)
bench: bootstrap
	scripts/bench 1000 10000

## fuzz: fuzz ingest -> extract -> publish in memory with libFuzzer and ASan for FUZZ_SECONDS (default 600)
fuzz: bootstrap
	FUZZ_SECONDS=$(FUZZ_SECONDS) scripts/fuzz

## asan: every test under AddressSanitizer, in its own build folder
asan: bootstrap
	LSAN_OPTIONS=suppressions=$(CURDIR)/scripts/lsan.supp $(SWIFT) test --sanitize=address --scratch-path .build-asan

## tsan: every test under ThreadSanitizer, in its own build folder
tsan: bootstrap
	$(SWIFT) test --sanitize=thread --scratch-path .build-tsan

## hostile: time `minutes extract` on each hostile shape at size N and 2N and print the ratio (a benchmark)
hostile: bootstrap
	scripts/hostile-scaling

## lint: check formatting with the committed .swift-format
lint:
	$(SWIFT) format lint --strict --recursive Sources Tests Fuzz

format:
	$(SWIFT) format --in-place --recursive Sources Tests Fuzz

clean:
	rm -rf .build $(VALGRIND_BUILD) .build-bench .build-fuzz .build-asan .build-tsan .build-hostile $(OUT)
