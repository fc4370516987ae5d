// Copyright 2026 The hubperm Authors.

#include "cli/fail.h"

#include <ostream>

#include "cli/exit_codes.h"

namespace hubperm {

int Fail(std::ostream& err, const Style& style, absl::string_view message) {
  err << "hubperm: " << style.Paint(Tone::kDeny, "error:") << " " << message << "\n";
  return kExitBadInput;
}

int FailFixtures(std::ostream& err, int errors, absl::string_view consequence) {
  err << "hubperm: " << errors << (errors == 1 ? " error" : " errors") << " in the fixtures; " << consequence << "\n";
  return kExitBadInput;
}

}  // namespace hubperm
