# make               builds ./gen-postman, stamped with the version git describe gives
# make test          the tests: gofmt and go vet, every package with the race detector, then the
#                    end-to-end suite (build tag e2e) against Newman and the OAuth servers, after
#                    installing their pinned Node packages
# make release-check the release checks: go vet for Windows, GoReleaser's check of
#                    .goreleaser.yaml, and a snapshot of every release archive; CI runs it after
#                    make test
# go test ./...      the quick loop: every package but the end-to-end suite, without Node
SHELL := /bin/bash
GO  ?= go
E2E := testdata/e2e
# VERSION is what gen-postman --version prints; empty leaves it to the Go build information.
VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null)
BIN     ?= gen-postman

# GoReleaser, pinned in its own module so that its dependencies stay out of go.mod.
GORELEASER := $(GO) tool -modfile=.ci/tools/go.mod goreleaser

# OPENAPI_DIR holds the real OpenAPI documents the end-to-end suite runs against Prism (Logto's,
# Kinde's, FusionAuth's), the benchmarks and the realdocs tests read. They are not in the
# repository: they stand in shared/openapi beside the checkout, or beside the one a local clone
# was made from (a clone in a temporary folder). GEN_POSTMAN_OPENAPI_DIR, given in the
# environment, wins; found nowhere, the tests say where they looked.
OPENAPI_DIR ?= $(abspath $(firstword $(wildcard ../shared/openapi $(shell git config --get remote.origin.url 2>/dev/null)/../shared/openapi) ../shared/openapi))
GEN_POSTMAN_OPENAPI_DIR ?= $(OPENAPI_DIR)
export GEN_POSTMAN_OPENAPI_DIR

.PHONY: release-check release-config release-snapshot vet-windows build test lint e2e-deps glewlwyd bench bench-openapi bench-openapi-all bench-scale realdocs fuzz clean

build:
	$(GO) build -ldflags "-X main.version=$(VERSION)" -o $(BIN) ./cmd/gen-postman

# The quick packages first, each line as its package finishes, then the end-to-end suite with a
# line per test as it finishes, so a minute-long run is never silent. The race detector runs
# where the code under test runs in the test process: every quick package, gen-postman's
# commands included. The end-to-end suite runs a gen-postman binary built without it against
# Node peers, so -race there would check only the harness, for the cost of building it again.
test: e2e-deps lint
	$(GO) test -race -count=1 ./...
	set -o pipefail; $(GO) test -count=1 -timeout 30m -tags e2e -v ./internal/e2e | grep --line-buffered -v '^=== '

# make release-check is what a release needs beyond the tests: the code and its tests vet for
# Windows, GoReleaser checks .goreleaser.yaml, and make release-snapshot builds every release
# archive (six platforms) and checksums.txt into dist/ (ignored by git), offline once the module
# cache holds GoReleaser. The first run builds GoReleaser from source: minutes, so it is not
# part of make test.
release-check: vet-windows release-config release-snapshot

release-config:
	$(GORELEASER) check

release-snapshot:
	$(RELEASE_GIT) $(GORELEASER) release --snapshot --clean --skip=publish
	@bin=$$(ls dist/gen-postman_$$($(GO) env GOOS)_$$($(GO) env GOARCH)*/gen-postman*); \
	 want=$$(git rev-parse --short HEAD); got=$$("$$bin" --version); \
	 case "$$got" in *-snapshot-$$want) echo "release-snapshot: $$got";; \
	 *) echo "release-snapshot: $$bin --version says \"$$got\", want a version ending -snapshot-$$want" >&2; exit 1;; esac

# GoReleaser takes the commit, its date and the branch from git only when "git ls-remote
# --get-url" names a remote; in a repository with none (a local repository and its worktrees)
# a snapshot would be version 0.0.1-snapshot-none. Such a repository is given the project's
# address as its origin for GoReleaser's run alone, through git's environment, never its config.
RELEASE_GIT = $(if $(shell git remote 2>/dev/null),,GIT_CONFIG_COUNT=1 GIT_CONFIG_KEY_0=remote.origin.url GIT_CONFIG_VALUE_0=https://github.com/gen-postman/gen-postman.git)

lint:
	@unformatted=$$(gofmt -l .); if [ -n "$$unformatted" ]; then echo "gofmt needed:"; echo "$$unformatted"; exit 1; fi
	$(GO) vet -tags e2e ./...

# The tests vet for Windows too, so a Unix-only call in a test file (syscall.Mkfifo) is caught:
# about 2 s once the Windows standard library is in the build cache, a minute or more before.
vet-windows:
	GOOS=windows $(GO) vet -tags e2e ./...

# npm ci writes node_modules/.package-lock.json, so the install reruns only when the lockfile changes.
e2e-deps: $(E2E)/node_modules/.package-lock.json glewlwyd

# Glewlwyd, the suite's second OAuth server, from Debian's package where this machine allows (as
# root); elsewhere it says the Glewlwyd tests will not run and how to get them, and under CI
# (CI=true) it fails.
glewlwyd:
	@$(E2E)/install-glewlwyd.sh

$(E2E)/node_modules/.package-lock.json: $(E2E)/package-lock.json $(E2E)/package.json
	@command -v node >/dev/null 2>&1 || { echo "make test: Node.js 20 or later is required for the end-to-end tests (Newman, oidc-provider, Prism)" >&2; exit 1; }
	@command -v npm >/dev/null 2>&1 || { echo "make test: npm is required for the end-to-end tests" >&2; exit 1; }
	cd $(E2E) && npm ci --no-audit --no-fund --loglevel=error

# The OpenAPI benchmarks read the real Logto and Kinde documents from OPENAPI_DIR.
bench:
	GEN_POSTMAN_OPENAPI_DIR=$(OPENAPI_DIR) $(GO) test -run '^$$' -bench . -benchmem ./...

# make bench-openapi SPEC=FILE [ARGS='--tenant acme'] times openapi-to-postmanv2 and gen-postman
# --openapi on the same document, in turns, 5 rounds: median wall time and peak memory of each.
bench-openapi: build
	@test -n "$(SPEC)" || { echo "usage: make bench-openapi SPEC=FILE [ARGS='--tenant acme']" >&2; exit 2; }
	cd testdata/bench && npm ci --no-audit --no-fund --loglevel=error
	GEN_POSTMAN_ARGS="$(ARGS)" testdata/bench/bench-openapi.sh "$(abspath $(SPEC))" "$(abspath $(BIN))"

# make bench-openapi-all [OPENAPI_DIR=DIR] [ARGS='--tenant acme'] does the same on every document
# of OPENAPI_DIR, 3 rounds each (ROUNDS=N), and prints one table; a refused document is shown so.
bench-openapi-all: build
	cd testdata/bench && npm ci --no-audit --no-fund --loglevel=error
	GEN_POSTMAN_ARGS="$(ARGS)" testdata/bench/bench-openapi-all.sh "$(OPENAPI_DIR)" "$(abspath $(BIN))"

# make bench-scale [SPEC=FILE] times gen-postman on SPEC (Logto's document by default) with its
# paths multiplied 1, 4, 16 and 64 times: size, requests, median time and peak memory.
bench-scale: build
	testdata/bench/scale.sh "$(or $(SPEC),$(OPENAPI_DIR)/logto-management-api.cloud.json)" "$(abspath $(BIN))"

# make realdocs checks the collections of the real Logto and Kinde documents in OPENAPI_DIR:
# every operation, the right auth, no placeholder, the official schema; and updates an edited
# collection through Kinde's document history.
realdocs:
	GEN_POSTMAN_OPENAPI_DIR=$(OPENAPI_DIR) $(GO) test -count=1 -tags realdocs -run RealDocs ./internal/openapi ./generate ./internal/update

# make fuzz FUZZTIME=1m runs each fuzz target for that long.
FUZZTIME ?= 30s
fuzz:
	@for pkg in $$($(GO) list ./...); do \
	  for target in $$($(GO) test -list '^Fuzz' $$pkg | grep '^Fuzz'); do \
	    $(GO) test -run '^$$' -fuzz "^$$target$$" -fuzztime $(FUZZTIME) $$pkg || exit 1; \
	  done; \
	done

clean:
	rm -rf gen-postman dist $(E2E)/node_modules testdata/bench/node_modules
