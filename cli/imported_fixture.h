// Copyright 2026 The hubperm Authors.
//
// cli/imported_fixture.h: how an import command ends (import-whoami, import-org), once the input's
// issues are on stderr: with errors, "hubperm: N errors in WHAT; nothing was imported" and exit 2;
// otherwise the fixture, checked to load as `hubperm validate` would, on stdout, and exit 0.

#ifndef HUBPERM_CLI_IMPORTED_FIXTURE_H_
#define HUBPERM_CLI_IMPORTED_FIXTURE_H_

#include <string>

#include "absl/strings/string_view.h"
#include "cli/command.h"

namespace hubperm {

// `what` names the input in the message ("whoami.json", "'acme-dump'"); `fixture` is rendered only when
// there is no error.
template <typename Render>
int PrintImportedFixture(CommandIo& io, int errors, absl::string_view what, Render fixture);

// The non-template part: prints `fixture` after checking it loads.
int PrintCheckedFixture(CommandIo& io, const std::string& fixture);
int ReportImportErrors(CommandIo& io, int errors, absl::string_view what);

template <typename Render>
int PrintImportedFixture(CommandIo& io, int errors, absl::string_view what, Render fixture) {
  if (errors > 0) return ReportImportErrors(io, errors, what);
  return PrintCheckedFixture(io, fixture());
}

}  // namespace hubperm

#endif  // HUBPERM_CLI_IMPORTED_FIXTURE_H_
