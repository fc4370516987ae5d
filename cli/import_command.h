// Copyright 2026 The hubperm Authors.
//
// cli/import_command.h: `hubperm import-whoami [FILE.json | -] [--name NAME]`. Reads the JSON of the
// Hub's GET /api/whoami-v2 from the file or stdin (policy/load/whoami_import.h), prints it as fixture
// YAML on stdout and every issue on stderr. The YAML is loaded back before it is printed, so what it
// prints is a valid world.
//
// Exit codes: 0 imported (warnings allowed), 2 bad input (unreadable file, an error in the response).

#ifndef HUBPERM_CLI_IMPORT_COMMAND_H_
#define HUBPERM_CLI_IMPORT_COMMAND_H_

#include <iosfwd>
#include <string>
#include <vector>

#include "policy/common/style.h"

namespace hubperm {

struct ImportOptions {
  std::vector<std::string> files;  // at most one; none or "-" reads stdin
  std::string token_name;          // --name
};

int RunImportWhoami(const ImportOptions& options, const Style& err_style, std::istream& in, std::ostream& out,
                    std::ostream& err);

}  // namespace hubperm

#endif  // HUBPERM_CLI_IMPORT_COMMAND_H_
