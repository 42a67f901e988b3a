# Makefile - the one build file of mofc (GNU make 4.3+).
#
#   make                 build/mofc and build/libmofc.a (the default goal)
#   make run             check $(RUN_INPUTS), then its CIM-XML, MOF, binary MOF, C bindings and
#                        reference pages (en, fr; Markdown and HTML) under build/out/
#   make test            build everything, then bash tests/run.sh   (alias: check)
#   make check-asan      everything again in build-asan/ with ASan+UBSan, then the tests
#   make valgrind        the corpus checks under valgrind
#   make fuzz            libFuzzer targets in build-fuzz/: the front end for FUZZ_SECONDS (60),
#                        then the binary MOF reader (fuzz-bmf) for FUZZ_BMF_SECONDS (20) and
#                        the LSP message reader (fuzz-lsp) for FUZZ_LSP_SECONDS (20)
#   make bench           bench/run.sh (needs ../shared/corpus)
#   make install         PREFIX=/usr/local DESTDIR=  (bin/mofc, lib/libmofc.a, include/mofc/,
#                        lib/pkgconfig/mofc.pc, lib/cmake/Mofc/, share/man/man1/mofc.1)
#   make update-golden   rewrite tests/golden/*/expected.* from the current binary
#   make format          clang-format -i the C sources; format-check only reports
#   make clean
#
# Knobs: WERROR=1 (-Werror; CI sets it), B=dir (build directory, default
# build), CC, CFLAGS (replaces the defaults below), CPPFLAGS, LDFLAGS,
# LDLIBS, OPT (-O2), RUN_INPUTS, FUZZ_SECONDS.
#
# Layout: src/**/*.c, codegen/*.c, the bison and flex outputs and
# $(B)/embedded.c (schemas/ compiled in by tools/embed.c) make
# $(B)/libmofc.a; cli/*.c link against it into $(B)/mofc.  Every output
# lives under $(B)/ -- generated sources too, never the source tree.  New
# .c files are picked up by wildcard; header dependencies are tracked with
# -MMD -MP.  Sanitizer and fuzzing builds are the same rules run again by a
# sub-make with another B, CC and SAN_FLAGS.

.SUFFIXES:
.DELETE_ON_ERROR:
.DEFAULT_GOAL := all

# The repository root, wherever make was started from.
ROOT := $(patsubst %/,%,$(dir $(abspath $(lastword $(MAKEFILE_LIST)))))

B            ?= build
HOSTCC       ?= cc
CLANG        ?= clang
FLEX         ?= flex
BISON        ?= bison
PKG_CONFIG   ?= pkg-config
INSTALL      ?= install
VALGRIND     ?= valgrind
CLANG_FORMAT ?= clang-format
PREFIX       ?= /usr/local
DESTDIR      ?=

OPT      = -O2
WARNINGS = -Wall -Wextra -Wstrict-prototypes -Wmissing-prototypes -Wshadow -Wpointer-arith \
           -Wformat=2
CFLAGS   = -std=c11 $(OPT) -g $(WARNINGS)
LDFLAGS  =
LDLIBS   =
# The C back end renders classes on every processor.
THREAD_FLAGS = -pthread
# Set by the sanitizer/fuzzer sub-makes; used for compiling and linking.
SAN_FLAGS =
# Warnings are errors in CI (CI=true in its environment) unless WERROR= is given.
WERROR ?= $(CI)
WERROR_FLAGS = $(if $(filter 1 yes true,$(WERROR)),-Werror)

# flex: full, fast tables (-CF); it works with reentrant/bison-bridge and
# is the fastest scanner flex makes.  bison: all warnings are errors.
FLEXFLAGS  = -CF
BISONFLAGS = -Wall -Werror

# Per-file extras for generated code: only what it genuinely trips.  With
# flex 2.6.4 (reentrant, noyyalloc/nounput/noinput) and bison 3.8 both are
# clean under the full warning set, so these stay empty until one isn't.
LEX_CFLAGS  =
YACC_CFLAGS =

XML_CFLAGS := $(shell $(PKG_CONFIG) --cflags libxml-2.0 2>/dev/null)
# libxml2 is not linked: the XML reader and writer dlopen it on first use
# (src/xmllib/), so a run that touches no XML does not pay for loading it
# and ICU.  Its headers are still needed to build.
LIB_LIBS   := -ldl
# LIB_LIBS is the one list of what a program linking libmofc.a needs
# besides it and the thread flags: the installed mofc.pc (Libs.private)
# and MofcConfig.cmake (Mofc::libmofc) are made from it.  json-c is the
# command's alone (cli/), so it is not in it.
JSON_CFLAGS := $(shell $(PKG_CONFIG) --cflags json-c 2>/dev/null)
JSON_LIBS   := $(shell $(PKG_CONFIG) --libs json-c 2>/dev/null)

MOFC_CPPFLAGS = -D_POSIX_C_SOURCE=200809L -I$(B)/grammar -Isrc -Iinclude $(XML_CFLAGS) $(JSON_CFLAGS)
ALL_CFLAGS    = $(MOFC_CPPFLAGS) $(CPPFLAGS) $(CFLAGS) $(WERROR_FLAGS) $(SAN_FLAGS) \
                $(THREAD_FLAGS) $(FILE_CFLAGS) -MMD -MP
LINK          = $(CC) $(CFLAGS) $(SAN_FLAGS) $(THREAD_FLAGS) $(LDFLAGS)
# Build-time helpers run on the build machine: host compiler, no sanitizers.
HOST_CFLAGS   = -std=c11 -O2 -g $(WARNINGS) $(WERROR_FLAGS) -D_POSIX_C_SOURCE=200809L

# ---------------------------------------------------------------- sources

LIB_SRCS     := $(sort $(wildcard src/*.c src/*/*.c codegen/*.c codegen/*/*.c))
CLI_SRCS     := $(sort $(wildcard cli/*.c))
# `mofc lsp`, linked into the command; JSON-RPC through json-c.
LSP_SRCS     := $(sort $(wildcard lsp/*.c))
UNIT_SRCS    := $(sort $(wildcard tests/unit/test_*.c))
FUZZ_SRC     := $(wildcard tests/fuzz/fuzz_parse.c)
EMBED_INPUTS := $(sort $(wildcard schemas/qualifiers/*.mof schemas/packs/*.mof))
TEMPLATES    := $(sort $(wildcard templates/*/*.tpl templates/*/*/*.tpl templates/*/*.css))

GRAMMAR_C := $(if $(wildcard grammar/mof.y),$(B)/grammar/mof.tab.c) \
             $(if $(wildcard grammar/mof.l),$(B)/grammar/mof.lex.c)
GRAMMAR_H := $(GRAMMAR_C:.c=.h)
GEN_C     := $(GRAMMAR_C) $(B)/embedded.c $(B)/templates.c

LIB        = $(B)/libmofc.a
MOFC       = $(B)/mofc
LIB_OBJS  := $(LIB_SRCS:%.c=$(B)/obj/%.o) $(GEN_C:.c=.o)
CLI_OBJS  := $(CLI_SRCS:%.c=$(B)/obj/%.o) $(LSP_SRCS:%.c=$(B)/obj/%.o)
UNIT_BINS := $(UNIT_SRCS:tests/unit/%.c=$(B)/tests/%)
REPLAY    := $(if $(FUZZ_SRC),$(B)/tests/fuzz_replay) \
             $(if $(wildcard tests/fuzz/fuzz_bmf.c),$(B)/tests/fuzz_bmf_replay)
LSP_FUZZ_SRC := $(wildcard tests/fuzz/fuzz_lsp.c)
LSP_REPLAY   := $(if $(LSP_FUZZ_SRC),$(B)/tests/fuzz_lsp_replay)
# The server's sources without the command's main(), for the LSP fuzz target.
LSP_FUZZ_DEPS = $(filter-out %/cli/main.o,$(CLI_OBJS))

# ---------------------------------------------------------------- corpus

CORPUS     := $(abspath $(ROOT)/../shared/corpus)
CIM_SCHEMA  = $(CORPUS)/microsoft+omi/Unix/share/omischema/CIM_Schema.mof
RUN_INPUTS  = schemas/win32/CIMWin32.mof
RUN_MFL     = schemas/win32/cimwin32.fr.mfl

# ---------------------------------------------------------------- build

.PHONY: all run test check check-asan test-build valgrind fuzz fuzz-bmf fuzz-lsp bench install \
        uninstall clean update-golden format format-check FORCE

all: $(LIB) $(if $(CLI_SRCS),$(MOFC))

$(LIB): $(LIB_OBJS)
	@mkdir -p $(@D)
	@rm -f $@
	$(AR) rcs $@ $^

$(MOFC): $(CLI_OBJS) $(LIB)
	$(if $(XML_CFLAGS),,$(error libxml2 headers not found by pkg-config: apt-get install libxml2-dev pkg-config))
	$(if $(JSON_LIBS),,$(error json-c not found by pkg-config: apt-get install libjson-c-dev))
	$(LINK) -o $@ $(CLI_OBJS) $(LIB) $(LIB_LIBS) $(JSON_LIBS) $(LDLIBS)

# Sources of the tree.  The generated headers must exist before anything
# that may include them compiles; afterwards -MMD tracks the real uses.
$(B)/obj/%.o: %.c | $(GRAMMAR_H)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -c $< -o $@

# Generated sources, with their per-file flags.
$(B)/grammar/mof.lex.o: FILE_CFLAGS = $(LEX_CFLAGS)
$(B)/grammar/mof.tab.o: FILE_CFLAGS = $(YACC_CFLAGS)
$(GEN_C:.c=.o): %.o: %.c | $(GRAMMAR_H)
	$(CC) $(ALL_CFLAGS) -c $< -o $@

$(B)/grammar/mof.tab.c $(B)/grammar/mof.tab.h &: grammar/mof.y
	@mkdir -p $(@D)
	$(BISON) $(BISONFLAGS) --defines=$(B)/grammar/mof.tab.h -o $(B)/grammar/mof.tab.c $<

# flex has no -Werror: with WERROR=1 anything it prints fails the build.
$(B)/grammar/mof.lex.c $(B)/grammar/mof.lex.h &: grammar/mof.l
	@mkdir -p $(@D)
	@echo '$(FLEX) $(FLEXFLAGS) --header-file=$(B)/grammar/mof.lex.h -o $(B)/grammar/mof.lex.c $<'
	@$(FLEX) $(FLEXFLAGS) --header-file=$(B)/grammar/mof.lex.h -o $(B)/grammar/mof.lex.c $< \
	    2>$(B)/grammar/flex.log; st=$$?; cat $(B)/grammar/flex.log >&2; \
	if [ $$st -eq 0 ] && [ -s $(B)/grammar/flex.log ] && [ -n "$(WERROR_FLAGS)" ]; then \
	    echo "flex warnings are errors (WERROR=1)" >&2; st=1; fi; \
	if [ $$st -ne 0 ]; then rm -f $(B)/grammar/mof.lex.c $(B)/grammar/mof.lex.h; fi; \
	exit $$st

# Schemas compiled into the library.  embedded.list changes only when the
# set of inputs does, so adding or removing a .mof regenerates the C.
$(B)/tools/embed: tools/embed.c
	@mkdir -p $(@D)
	$(HOSTCC) $(HOST_CFLAGS) -o $@ $<

$(B)/embedded.list: FORCE
	@mkdir -p $(@D)
	@printf '%s\n' $(EMBED_INPUTS) >$@.tmp; \
	if cmp -s $@.tmp $@; then rm -f $@.tmp; else mv -f $@.tmp $@; fi

$(B)/embedded.c: $(B)/tools/embed $(EMBED_INPUTS) $(B)/embedded.list
	$(B)/tools/embed -o $@ -p schemas/ $(EMBED_INPUTS)

# Templates compiled into the library likewise (codegen/templates_data.h).
$(B)/templates.list: FORCE
	@mkdir -p $(@D)
	@printf '%s\n' $(TEMPLATES) >$@.tmp; \
	if cmp -s $@.tmp $@; then rm -f $@.tmp; else mv -f $@.tmp $@; fi

$(B)/templates.o: FILE_CFLAGS = -Icodegen
$(B)/templates.c: $(B)/tools/embed $(TEMPLATES) $(B)/templates.list
	$(B)/tools/embed -o $@ -p templates/ -n mofc_templates -i templates_data.h \
	    -t embedded_template $(TEMPLATES)

# ---------------------------------------------------------------- run

run: all
	$(MOFC) check -v $(RUN_INPUTS)
	@mkdir -p $(B)/out
	$(MOFC) xml -o $(B)/out/cimwin32.xml $(RUN_INPUTS)
	$(MOFC) xml --flatten -o $(B)/out/cimwin32.flat.xml $(RUN_INPUTS)
	$(MOFC) mof -o $(B)/out/cimwin32.mof $(RUN_INPUTS)
	$(MOFC) bmf -o $(B)/out/cimwin32.bmf $(RUN_INPUTS)
	$(MOFC) c -v -o $(B)/out/c $(RUN_INPUTS)
	$(MOFC) doc -o $(B)/out/doc/en $(RUN_INPUTS)
	$(MOFC) doc --format=html -o $(B)/out/html/en $(RUN_INPUTS)
	$(MOFC) doc --locale fr -o $(B)/out/doc/fr $(RUN_INPUTS) $(RUN_MFL)
	$(MOFC) doc --locale fr --format=html -o $(B)/out/html/fr $(RUN_INPUTS) $(RUN_MFL)

# ---------------------------------------------------------------- tests

$(UNIT_BINS): $(B)/tests/%: tests/unit/%.c $(LIB) | $(GRAMMAR_H)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -Itests/unit -DMOFC_ROOT='"$(ROOT)"' $(LDFLAGS) -o $@ $< $(LIB) \
	    $(LIB_LIBS) $(LDLIBS)

# The fuzz target with a main() that replays files, so the normal test run
# keeps it compiling and running.
$(B)/tests/fuzz_replay: tests/fuzz/fuzz_parse.c $(LIB) | $(GRAMMAR_H)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -DMOFC_FUZZ_REPLAY $(LDFLAGS) -o $@ $< $(LIB) $(LIB_LIBS) $(LDLIBS)

# The binary MOF decoder's target likewise (tests/cli/bmf_fuzz_replay.sh).
$(B)/tests/fuzz_bmf_replay: tests/fuzz/fuzz_bmf.c $(LIB) | $(GRAMMAR_H)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -DMOFC_FUZZ_REPLAY $(LDFLAGS) -o $@ $< $(LIB) $(LIB_LIBS) $(LDLIBS)

test-build: all $(UNIT_BINS) $(REPLAY) $(LSP_REPLAY)

test: test-build
	MOFC_BUILD=$(B) bash tests/run.sh

check: test

update-golden: test-build
	MOFC_BUILD=$(B) MOFC_UPDATE_GOLDEN=1 bash tests/run.sh

# The LSP message reader's fuzz target, replayed the same way (tests/fuzz/lsp/).
$(B)/tests/fuzz_lsp_replay: tests/fuzz/fuzz_lsp.c $(LSP_FUZZ_DEPS) $(LIB) | $(GRAMMAR_H)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(JSON_CFLAGS) -DMOFC_FUZZ_REPLAY $(LDFLAGS) -o $@ $< $(LSP_FUZZ_DEPS) \
	    $(LIB) $(LIB_LIBS) $(JSON_LIBS) $(LDLIBS)

# Without -Werror: GCC's manual warns that sanitizer instrumentation
# raises false-positive warnings (gcc 12 -O1 -fsanitize=undefined flags a
# "null format string" in a plain vsnprintf(NULL, 0, fmt, ap)) and advises
# against combining the two.  The same sources already pass -Werror in the
# normal build; warnings here are still printed.
ASAN_FLAGS = -fsanitize=address,undefined -fno-omit-frame-pointer
check-asan: export UBSAN_OPTIONS = halt_on_error=1:print_stacktrace=1
check-asan: export ASAN_OPTIONS = detect_leaks=1:detect_stack_use_after_return=1
check-asan:
	$(MAKE) B=build-asan OPT=-O1 SAN_FLAGS='$(ASAN_FLAGS)' WERROR= test

VALGRIND_FLAGS = -q --error-exitcode=1 --leak-check=full --track-origins=yes
valgrind: all
	$(VALGRIND) $(VALGRIND_FLAGS) $(MOFC) check -v $(RUN_INPUTS)
	$(VALGRIND) $(VALGRIND_FLAGS) $(MOFC) xml --flatten -o /dev/null $(RUN_INPUTS)
	$(VALGRIND) $(VALGRIND_FLAGS) $(MOFC) mof -o /dev/null $(RUN_INPUTS)
	$(VALGRIND) $(VALGRIND_FLAGS) $(MOFC) bmf -o $(B)/valgrind.bmf $(RUN_INPUTS)
	$(VALGRIND) $(VALGRIND_FLAGS) $(MOFC) mof -o /dev/null $(B)/valgrind.bmf
	@rm -rf $(B)/valgrind-c
	$(VALGRIND) $(VALGRIND_FLAGS) $(MOFC) c -o $(B)/valgrind-c $(RUN_INPUTS)
	$(VALGRIND) $(VALGRIND_FLAGS) $(MOFC) doc --format=html --locale fr -o $(B)/valgrind-doc \
	    $(RUN_INPUTS) $(RUN_MFL)
	@if [ -f '$(CIM_SCHEMA)' ]; then \
	    echo '$(VALGRIND) $(VALGRIND_FLAGS) $(MOFC) check --dialect=dmtf $(CIM_SCHEMA)'; \
	    $(VALGRIND) $(VALGRIND_FLAGS) $(MOFC) check --dialect=dmtf '$(CIM_SCHEMA)'; \
	    echo '$(VALGRIND) $(VALGRIND_FLAGS) $(MOFC) c --dialect=dmtf -Wno-key -o $(B)/valgrind-cim $(CIM_SCHEMA)'; \
	    rm -rf $(B)/valgrind-cim; \
	    $(VALGRIND) $(VALGRIND_FLAGS) $(MOFC) c --dialect=dmtf -Wno-key -o $(B)/valgrind-cim \
	        '$(CIM_SCHEMA)'; \
	else echo 'valgrind: no ../shared/corpus, CIM schema check skipped'; fi

# ---------------------------------------------------------------- fuzzing

FUZZ_SECONDS ?= 60
FUZZ_DIR      = build-fuzz
FUZZ_FLAGS    = -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined \
                -fno-omit-frame-pointer
FUZZ_DICT     = $(wildcard tests/fuzz/mof.dict)
FUZZ_REGRESS  = $(wildcard tests/fuzz/regress)

$(B)/fuzz_parse: tests/fuzz/fuzz_parse.c $(LIB) | $(GRAMMAR_H)
	$(CC) $(ALL_CFLAGS) -fsanitize=fuzzer $(LDFLAGS) -o $@ $< $(LIB) $(LIB_LIBS) $(LDLIBS)

$(B)/fuzz_lsp: tests/fuzz/fuzz_lsp.c $(LSP_FUZZ_DEPS) $(LIB) | $(GRAMMAR_H)
	$(CC) $(ALL_CFLAGS) $(JSON_CFLAGS) -fsanitize=fuzzer $(LDFLAGS) -o $@ $< $(LSP_FUZZ_DEPS) \
	    $(LIB) $(LIB_LIBS) $(JSON_LIBS) $(LDLIBS)

# `make fuzz` ends with the LSP message reader for FUZZ_LSP_SECONDS; seeds
# are tests/fuzz/lsp/ (client transcripts).
FUZZ_LSP_SECONDS ?= 20
fuzz-lsp:
	$(MAKE) B=$(FUZZ_DIR) CC=$(CLANG) OPT=-O1 SAN_FLAGS='$(FUZZ_FLAGS)' $(FUZZ_DIR)/fuzz_lsp
	@mkdir -p $(FUZZ_DIR)/lsp-corpus $(FUZZ_DIR)/artifacts
	@UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 ASAN_OPTIONS=detect_leaks=1 \
	$(FUZZ_DIR)/fuzz_lsp -max_total_time=$(FUZZ_LSP_SECONDS) -max_len=65536 -timeout=10 \
	    -print_final_stats=1 -artifact_prefix=$(FUZZ_DIR)/artifacts/lsp- \
	    $(FUZZ_DIR)/lsp-corpus tests/fuzz/lsp >$(FUZZ_DIR)/fuzz_lsp.log 2>&1; \
	st=$$?; \
	if [ $$st -ne 0 ]; then tail -n 150 $(FUZZ_DIR)/fuzz_lsp.log; \
	    echo "fuzz-lsp: FAILED (exit $$st); inputs in $(FUZZ_DIR)/artifacts/"; exit 1; fi; \
	grep -E '^(Done|stat::number_of_executed_units)|cov:' $(FUZZ_DIR)/fuzz_lsp.log | tail -n 3; \
	echo "fuzz-lsp: no crash in $(FUZZ_LSP_SECONDS) s"

$(B)/fuzz_bmf: tests/fuzz/fuzz_bmf.c $(LIB) | $(GRAMMAR_H)
	$(CC) $(ALL_CFLAGS) -fsanitize=fuzzer $(LDFLAGS) -o $@ $< $(LIB) $(LIB_LIBS) $(LDLIBS)

# The binary MOF decoder: seeds are tests/fuzz/bmf-seeds (whole files, and
# decompressed images after a mode byte), for FUZZ_BMF_SECONDS.
FUZZ_BMF_SECONDS ?= 20
fuzz-bmf:
	$(MAKE) B=$(FUZZ_DIR) CC=$(CLANG) OPT=-O1 SAN_FLAGS='$(FUZZ_FLAGS)' $(FUZZ_DIR)/fuzz_bmf
	@mkdir -p $(FUZZ_DIR)/corpus-bmf $(FUZZ_DIR)/artifacts
	@echo "fuzz-bmf: $$(ls tests/fuzz/bmf-seeds | wc -l) seeds, $(FUZZ_BMF_SECONDS) s"
	@UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 ASAN_OPTIONS=detect_leaks=1 \
	$(FUZZ_DIR)/fuzz_bmf -max_total_time=$(FUZZ_BMF_SECONDS) -max_len=65536 -timeout=10 \
	    -print_final_stats=1 -artifact_prefix=$(FUZZ_DIR)/artifacts/ \
	    $(FUZZ_DIR)/corpus-bmf tests/fuzz/bmf-seeds >$(FUZZ_DIR)/fuzz-bmf.log 2>&1; \
	st=$$?; \
	if [ $$st -ne 0 ]; then tail -n 150 $(FUZZ_DIR)/fuzz-bmf.log; \
	    echo "fuzz-bmf: FAILED (exit $$st); inputs in $(FUZZ_DIR)/artifacts/"; \
	    echo "reproduce: $(FUZZ_DIR)/fuzz_bmf FILE  (or build/tests/fuzz_bmf_replay FILE);"; \
	    echo "keep it as a regression: cp FILE tests/fuzz/bmf-seeds/"; \
	    exit 1; fi; \
	grep -E '^(Done|stat::number_of_executed_units|stat::peak_rss_mb)|cov:' \
	    $(FUZZ_DIR)/fuzz-bmf.log | tail -n 4; \
	echo "fuzz-bmf: no crash in $(FUZZ_BMF_SECONDS) s"

# Seeds: every .mof and .xml of the golden tests and schemas/, flattened into one
# directory; new inputs go to $(FUZZ_DIR)/corpus, crashes to artifacts/.
fuzz:
	$(MAKE) B=$(FUZZ_DIR) CC=$(CLANG) OPT=-O1 SAN_FLAGS='$(FUZZ_FLAGS)' $(FUZZ_DIR)/fuzz_parse
	@rm -rf $(FUZZ_DIR)/seeds && mkdir -p $(FUZZ_DIR)/seeds $(FUZZ_DIR)/corpus $(FUZZ_DIR)/artifacts
	@find tests/golden schemas -type f \( -name '*.mof' -o -name '*.xml' \) 2>/dev/null | while IFS= read -r f; do \
	    cp "$$f" "$(FUZZ_DIR)/seeds/$$(printf '%s' "$$f" | tr / _)"; done; \
	echo "fuzz: $$(ls $(FUZZ_DIR)/seeds | wc -l) seeds, $(FUZZ_SECONDS) s"
	@UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 ASAN_OPTIONS=detect_leaks=1 \
	$(FUZZ_DIR)/fuzz_parse -max_total_time=$(FUZZ_SECONDS) -max_len=65536 -timeout=10 \
	    -print_final_stats=1 -artifact_prefix=$(FUZZ_DIR)/artifacts/ \
	    $(if $(FUZZ_DICT),-dict=$(FUZZ_DICT)) \
	    $(FUZZ_DIR)/corpus $(FUZZ_DIR)/seeds $(FUZZ_REGRESS) >$(FUZZ_DIR)/fuzz.log 2>&1; \
	st=$$?; \
	if [ $$st -ne 0 ]; then tail -n 150 $(FUZZ_DIR)/fuzz.log; \
	    echo "fuzz: FAILED (exit $$st); inputs in $(FUZZ_DIR)/artifacts/:"; \
	    ls -l $(FUZZ_DIR)/artifacts/; \
	    echo "reproduce: $(FUZZ_DIR)/fuzz_parse FILE  (or build/tests/fuzz_replay FILE);"; \
	    echo "keep it as a regression: cp FILE tests/fuzz/regress/"; \
	    exit 1; fi; \
	grep -E '^(Done|stat::number_of_executed_units|stat::peak_rss_mb)|cov:' \
	    $(FUZZ_DIR)/fuzz.log | tail -n 4; \
	echo "fuzz: no crash in $(FUZZ_SECONDS) s"
	$(if $(LSP_FUZZ_SRC),$(MAKE) fuzz-lsp)
	@$(MAKE) --no-print-directory fuzz-bmf

# ---------------------------------------------------------------- bench

$(B)/bench/rusage: bench/rusage.c
	@mkdir -p $(@D)
	$(HOSTCC) $(HOST_CFLAGS) -o $@ $<

$(B)/bench/scan_only: bench/scan_only.c $(LIB) | $(GRAMMAR_H)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $< $(LIB) $(LIB_LIBS) $(LDLIBS)

bench: all $(B)/bench/rusage $(if $(wildcard bench/scan_only.c),$(B)/bench/scan_only)
	MOFC_BUILD=$(B) bash bench/run.sh

# ---------------------------------------------------------------- install

VERSION := $(shell sed -n 's/^\#define MOFC_VERSION "\(.*\)"/\1/p' include/mofc/mofc.h)

# Made at every install: they depend on PREFIX and LIB_LIBS.
$(B)/mofc.pc: pkgconfig/mofc.pc.in FORCE
	@mkdir -p $(@D)
	sed -e 's|@PREFIX@|$(PREFIX)|' -e 's|@VERSION@|$(VERSION)|' \
	    -e 's|@LIBS@|$(strip $(THREAD_FLAGS) $(LIB_LIBS))|' $< >$@

$(B)/MofcConfig.cmake: cmake/MofcConfig.cmake FORCE
	@mkdir -p $(@D)
	sed -e 's|@MOFC_LINK_LIBS@|$(strip $(LIB_LIBS))|' $< >$@

$(B)/MofcConfigVersion.cmake: cmake/MofcConfigVersion.cmake.in FORCE
	@mkdir -p $(@D)
	sed -e 's|@VERSION@|$(VERSION)|' $< >$@

install: all $(B)/mofc.pc $(B)/MofcConfig.cmake $(B)/MofcConfigVersion.cmake
	$(INSTALL) -d '$(DESTDIR)$(PREFIX)/bin' '$(DESTDIR)$(PREFIX)/lib' \
	    '$(DESTDIR)$(PREFIX)/include/mofc' '$(DESTDIR)$(PREFIX)/lib/pkgconfig' \
	    '$(DESTDIR)$(PREFIX)/lib/cmake/Mofc' '$(DESTDIR)$(PREFIX)/share/man/man1'
	$(INSTALL) -m 755 $(MOFC) '$(DESTDIR)$(PREFIX)/bin/mofc'
	$(INSTALL) -m 644 $(LIB) '$(DESTDIR)$(PREFIX)/lib/libmofc.a'
	$(INSTALL) -m 644 $(wildcard include/mofc/*.h) '$(DESTDIR)$(PREFIX)/include/mofc/'
	$(INSTALL) -m 644 $(B)/mofc.pc '$(DESTDIR)$(PREFIX)/lib/pkgconfig/mofc.pc'
	$(INSTALL) -m 644 $(B)/MofcConfig.cmake $(B)/MofcConfigVersion.cmake \
	    '$(DESTDIR)$(PREFIX)/lib/cmake/Mofc/'
	$(INSTALL) -m 644 man/mofc.1 '$(DESTDIR)$(PREFIX)/share/man/man1/mofc.1'

uninstall:
	rm -f '$(DESTDIR)$(PREFIX)/bin/mofc' '$(DESTDIR)$(PREFIX)/lib/libmofc.a'
	rm -f $(patsubst include/mofc/%,'$(DESTDIR)$(PREFIX)/include/mofc/%',$(wildcard include/mofc/*.h))
	rm -f '$(DESTDIR)$(PREFIX)/lib/pkgconfig/mofc.pc' '$(DESTDIR)$(PREFIX)/share/man/man1/mofc.1'
	rm -f '$(DESTDIR)$(PREFIX)/lib/cmake/Mofc/MofcConfig.cmake' \
	    '$(DESTDIR)$(PREFIX)/lib/cmake/Mofc/MofcConfigVersion.cmake'
	-rmdir '$(DESTDIR)$(PREFIX)/include/mofc' '$(DESTDIR)$(PREFIX)/lib/cmake/Mofc' 2>/dev/null

# ---------------------------------------------------------------- misc

FORMAT_FILES = $(wildcard src/*.[ch] src/*/*.[ch] include/mofc/*.h cli/*.[ch] codegen/*.[ch] \
                 tests/unit/*.[ch] tests/fuzz/*.c tools/*.c bench/*.c)
format:
	$(CLANG_FORMAT) -i $(FORMAT_FILES)
format-check:
	$(CLANG_FORMAT) --dry-run --Werror $(FORMAT_FILES)

clean:
	rm -rf -- '$(B)' build build-asan build-fuzz

FORCE:

-include $(LIB_OBJS:.o=.d) $(CLI_OBJS:.o=.d) $(UNIT_BINS:=.d) $(REPLAY:=.d) $(LSP_REPLAY:=.d) \
         $(B)/fuzz_parse.d $(B)/fuzz_bmf.d $(B)/bench/scan_only.d
