# The README's two commands: `make run` (set up, build, load the sample
# articles, answer example queries, open the REPL) and `make test`.
BUILD_DIR ?= build
BUILD_TYPE ?= RelWithDebInfo
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
CMAKE_FLAGS ?=

.PHONY: all deps configure build run test sanitize clean model

all: build

deps:
	@scripts/install-deps.sh

$(BUILD_DIR)/build.ninja:
	@scripts/install-deps.sh
	cmake -S . -B $(BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) $(CMAKE_FLAGS)

configure: $(BUILD_DIR)/build.ninja

build: deps configure
	cmake --build $(BUILD_DIR) -j $(JOBS)

run: build
	@scripts/demo.sh $(BUILD_DIR)

test: build
	cd $(BUILD_DIR) && ctest --output-on-failure -j $(JOBS)

# The test suite again under AddressSanitizer + UndefinedBehaviorSanitizer.
sanitize: deps
	cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DKG_SANITIZE=ON -DKG_BUILD_BENCH=OFF $(CMAKE_FLAGS)
	cmake --build build-asan -j $(JOBS)
	cd build-asan && ctest --output-on-failure -j $(JOBS)

# Retrains the shipped syntax model from the UD English EWT treebank
# (docs/syntax.md); reproduces models/en.kgm byte for byte.
UD_DIR ?= ../shared/data/ud-ewt
model: build
	$(BUILD_DIR)/syntax/kg-train --train $(UD_DIR)/en_ewt-ud-train.conllu \
	  --dev $(UD_DIR)/en_ewt-ud-dev.conllu --out models/en.kgm

clean:
	rm -rf $(BUILD_DIR) build-asan
