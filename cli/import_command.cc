// Copyright 2026 The hubperm Authors.

#include "cli/import_command.h"

#include <fstream>
#include <iostream>
#include <sstream>

#include "absl/strings/str_cat.h"
#include "cli/exit_codes.h"
#include "cli/fail.h"
#include "policy/load/fixtures.h"
#include "policy/load/whoami_import.h"

namespace hubperm {

int RunImportWhoami(const ImportOptions& options, const Style& err_style, std::istream& in, std::ostream& out,
                    std::ostream& err) {
  if (options.files.size() > 1) return Fail(err, err_style, "import-whoami reads one response: give one FILE.json, or - for stdin");
  const bool from_stdin = options.files.empty() || options.files[0] == "-";
  const std::string name = from_stdin ? "<stdin>" : options.files[0];
  std::ostringstream text;
  if (from_stdin) {
    text << in.rdbuf();
  } else {
    std::ifstream file(name, std::ios::binary);
    if (!file) return Fail(err, err_style, absl::StrCat("cannot read '", name, "'"));
    text << file.rdbuf();
  }
  WhoamiImportOptions import_options;
  import_options.token_name = options.token_name;
  const WhoamiImport import = ImportWhoami(name, text.str(), import_options);
  err << RenderImportIssues(import);
  if (!import.ok()) {
    const int errors = import.diagnostics.error_count();
    err << "hubperm: " << errors << (errors == 1 ? " error" : " errors") << " in " << name << "; nothing was imported\n";
    return kExitBadInput;
  }
  const std::string fixture = RenderImportedFixture(import);
  // What is printed must load: check it as `hubperm validate` would.
  const Fixtures check = LoadFixtureTexts({{"imported fixture", fixture}});
  if (check.diagnostics.has_errors()) {
    err << check.RenderIssues(err_style);
    return Fail(err, err_style, "internal error: the imported fixture does not load (please report it)");
  }
  out << fixture;
  return kExitAllow;
}

}  // namespace hubperm
