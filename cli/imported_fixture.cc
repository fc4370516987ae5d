// Copyright 2026 The hubperm Authors.

#include "cli/imported_fixture.h"

#include <ostream>

#include "cli/exit_codes.h"
#include "cli/fail.h"

namespace hubperm {

int ReportImportErrors(CommandIo& io, int errors, absl::string_view what) {
  io.err << "hubperm: " << errors << (errors == 1 ? " error" : " errors") << " in " << what
         << "; nothing was imported\n";
  return kExitBadInput;
}

int PrintCheckedFixture(CommandIo& io, const std::string& fixture) {
  // What is printed must load: check it as `hubperm validate` would.
  const LoadResult check = Engine::LoadTexts({{"imported fixture", fixture}});
  if (!check.ok()) {
    check.PrintIssues(io.err, io.err_style);
    return Fail(io.err, io.err_style, "internal error: the imported fixture does not load (please report it)");
  }
  io.out << fixture;
  return kExitAllow;
}

}  // namespace hubperm
