# cmkemu - build, run and test. `make run` and `make test` install what they need.

CC       ?= cc
PKGS     := libmicrohttpd sqlite3 uuid libxml-2.0 jansson libcrypto
BUILD    ?= build
OPT      ?= -O2 -g
SAN      ?=
WARN     := -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes -Wformat=2 -Wundef -Wvla
CFLAGS   := -std=c11 -D_GNU_SOURCE $(OPT) $(SAN) $(WARN) -pthread $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
LDLIBS   := $(shell pkg-config --libs $(PKGS) 2>/dev/null) -pthread
LDFLAGS  := $(SAN)

SRCS      := $(shell find server storage -name '*.c' ! -name main.c | sort)
OBJS      := $(patsubst %.c,$(BUILD)/obj/%.o,$(SRCS)) $(BUILD)/obj/schemas.gen.o $(BUILD)/obj/ui.gen.o
SCHEMAS   := $(sort $(wildcard schemas/*.sql))
UI_FILES  := $(sort $(wildcard server/emu/ui/*.html server/emu/ui/*.css server/emu/ui/*.js))
UNIT_SRCS := $(shell find tests/unit tests/api -name 'test_*.c' 2>/dev/null | sort)
UNIT_BINS := $(patsubst tests/%.c,$(BUILD)/tests/%,$(UNIT_SRCS))
TEST_HELPERS := $(shell find tests/lib -name '*.c' 2>/dev/null | sort)
TEST_HELPER_OBJS := $(patsubst %.c,$(BUILD)/obj/%.o,$(TEST_HELPERS))

APT_PKGS := gcc make pkg-config libmicrohttpd-dev libsqlite3-dev uuid-dev libxml2-dev libjansson-dev libssl-dev
TEST_APT := clang clang-tidy clang-format cppcheck nodejs npm curl chromium

PORT ?= 4566
DB   ?= cmkemu.db
SEED ?=

.SECONDARY:

.PHONY: bench all run test test-long test-only asan lint format format-check deps test-deps clean unit e2e \
	fuzz fuzz-smoke fuzz-build fuzz-bins

all: $(BUILD)/cmkemu

$(BUILD)/cmkemu: $(OBJS) $(BUILD)/obj/server/main.o
	@echo "LD $@"
	@$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(BUILD)/libcmkemu.a: $(OBJS)
	@rm -f $@ && ar rcs $@ $^

$(BUILD)/obj/%.o: %.c
	@mkdir -p $(dir $@)
	@echo "CC $<"
	@$(CC) $(CFLAGS) -I. -MMD -MP -c -o $@ $<

$(BUILD)/schemas.gen.c: $(SCHEMAS) schemas/embed.sh
	@mkdir -p $(BUILD)
	sh schemas/embed.sh $@ $(SCHEMAS)

$(BUILD)/obj/schemas.gen.o: $(BUILD)/schemas.gen.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -Istorage -c -o $@ $<

# The dashboard's page, script and style sheet, as byte arrays in the binary.
$(BUILD)/ui.gen.c: $(UI_FILES) server/emu/ui/embed.sh
	@mkdir -p $(BUILD)
	sh server/emu/ui/embed.sh $@ $(UI_FILES)

$(BUILD)/obj/ui.gen.o: $(BUILD)/ui.gen.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -I. -c -o $@ $<

$(BUILD)/tests/%: tests/%.c $(BUILD)/libcmkemu.a $(TEST_HELPER_OBJS)
	@mkdir -p $(dir $@)
	@echo "LD $@"
	@$(CC) $(CFLAGS) -I. -Itests -o $@ $< $(TEST_HELPER_OBJS) $(BUILD)/libcmkemu.a $(LDLIBS)

-include $(shell find $(BUILD)/obj -name '*.d' 2>/dev/null)

# Debian packages the build needs; installed only when missing.
deps:
	@missing=""; for p in $(APT_PKGS); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then echo "installing:$$missing"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; fi

# What the tests need besides the build: clang (sanitizers, fuzzing), chromium (the dashboard
# test), node + the npm test clients, the aws CLI, boto3 and jsonschema (Debian's packages when
# the machine has none).
test-deps: deps
	@missing=""; for p in $(TEST_APT); do dpkg -s $$p >/dev/null 2>&1 || command -v $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	command -v aws >/dev/null 2>&1 || missing="$$missing awscli"; \
	python3 -c 'import boto3' >/dev/null 2>&1 || missing="$$missing python3-boto3"; \
	python3 -c 'import jsonschema' >/dev/null 2>&1 || missing="$$missing python3-jsonschema"; \
	if [ -n "$$missing" ]; then echo "installing:$$missing"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; fi
	@cd tests/e2e/node && sum=$$(sha256sum package-lock.json | cut -d' ' -f1) && \
	  { [ "$$(cat node_modules/.cmkemu-lock 2>/dev/null)" = "$$sum" ] || \
	    { npm ci --no-audit --no-fund --loglevel=error && echo "$$sum" > node_modules/.cmkemu-lock; }; }

run: deps $(BUILD)/cmkemu
	./$(BUILD)/cmkemu --port $(PORT) --db $(DB) $(if $(SEED),--seed $(SEED))

unit: $(UNIT_BINS)

# Everything: C unit and api tests, the fuzz targets over their seed corpora (fuzz-smoke, a few
# seconds), then the e2e suites against the real binary.
test: test-deps
	@$(MAKE) --no-print-directory all unit
	@$(MAKE) --no-print-directory fuzz-build
	@BUILD=$(BUILD) FUZZ_BUILD=$(FUZZ_BUILD) sh tests/run.sh

# The same, with the reliability suites' long mode (50 crash trials, more rounds).
test-long:
	@LONG=1 $(MAKE) --no-print-directory test

asan:
	@$(MAKE) --no-print-directory test-deps
	@$(MAKE) --no-print-directory BUILD=build-asan CC=clang OPT="-O1 -g -fno-omit-frame-pointer" \
	  SAN="-fsanitize=address,undefined -fno-sanitize-recover=all" all unit
	@ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 BUILD=build-asan sh tests/run.sh

# libFuzzer targets (tests/fuzz/fuzz_*.c): clang compiles the server and storage sources, except
# the socket layer (http.c) and main.c, with -fsanitize=fuzzer-no-link,address,undefined into
# $(FUZZ_BUILD)/ and links each target with -fsanitize=fuzzer. `make fuzz` mutates each target's
# corpus for FUZZ_SECONDS; `make fuzz-smoke` runs the seed corpora once, without mutation.
FUZZ_BUILD   ?= build-fuzz
FUZZ_SECONDS ?= 60
FUZZ_NAMES   := $(patsubst tests/fuzz/%.c,%,$(filter-out tests/fuzz/fuzz_lib.c,$(sort $(wildcard tests/fuzz/fuzz_*.c))))
FUZZ_BINS    := $(patsubst %,$(BUILD)/fuzz/%,$(FUZZ_NAMES))
FUZZ_OBJS    := $(filter-out $(BUILD)/obj/server/http.o,$(OBJS)) $(BUILD)/obj/tests/fuzz/fuzz_lib.o \
                $(BUILD)/obj/tests/lib/xmlref.o

fuzz-bins: $(FUZZ_BINS)

$(BUILD)/fuzz/%: tests/fuzz/%.c $(FUZZ_OBJS)
	@mkdir -p $(dir $@)
	@echo "LD $@"
	@$(CC) $(CFLAGS) -fsanitize=fuzzer -I. -Itests -o $@ $< $(FUZZ_OBJS) $(LDLIBS)

fuzz-build: deps
	@command -v clang >/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends clang; }
	@$(MAKE) --no-print-directory BUILD=$(FUZZ_BUILD) CC=clang OPT="-O1 -g -fno-omit-frame-pointer" \
	  SAN="-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all" fuzz-bins

fuzz: fuzz-build
	@sh tests/fuzz/run.sh fuzz $(FUZZ_BUILD) $(FUZZ_SECONDS) $(FUZZ_NAMES)

fuzz-smoke: fuzz-build
	@sh tests/fuzz/run.sh smoke $(FUZZ_BUILD) 0 $(FUZZ_NAMES)

FORMAT_SRCS = $(shell find server storage tests bench -name '*.[ch]' ! -path '*/node_modules/*' 2>/dev/null)

format:
	clang-format -i $(FORMAT_SRCS)

format-check:
	clang-format --dry-run -Werror $(FORMAT_SRCS)

lint: $(BUILD)/schemas.gen.c
	clang-tidy --quiet $(SRCS) server/main.c -- $(CFLAGS) -I. -Wno-unknown-warning-option
	cppcheck --quiet --enable=warning,style,performance,portability --std=c11 --error-exitcode=1 \
	  --inline-suppr --suppress=missingIncludeSystem --suppress=unusedFunction --suppress=variableScope \
	  -I . -I server -I storage server storage

# Benchmarks: a release build against moto's server and a fixed-reply libmicrohttpd server.
bench: deps
	@command -v wrk >/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends wrk curl; }
	@$(MAKE) --no-print-directory BUILD=build-release OPT="-O2 -DNDEBUG" all
	@$(CC) -std=c11 -D_GNU_SOURCE -O2 $(WARN) -pthread -o build-release/bench-ceiling bench/ceiling.c $(LDLIBS)
	@sh bench/run.sh

clean:
	rm -rf build build-asan build-fuzz build-release
